import { Module } from '@nestjs/common';
import { AdvocatesController } from './advocates.controller';
import { AdvocatesService } from './advocates.service';
import { EngagementController } from './engagement/engagement.controller';
import { EngagementService } from './engagement/engagement.service';
import { CommunityMetricsController } from './metrics/community-metrics.controller';
import { CommunityMetricsService } from './metrics/community-metrics.service';

/** Finding ambassadors: ranking, tiers, segments, engagement, community metrics. */
@Module({
  controllers: [AdvocatesController, EngagementController, CommunityMetricsController],
  providers: [AdvocatesService, EngagementService, CommunityMetricsService],
  exports: [AdvocatesService, EngagementService, CommunityMetricsService],
})
export class AdvocatesModule {}
