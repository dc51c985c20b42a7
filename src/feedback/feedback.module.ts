import { Module, OnModuleInit } from '@nestjs/common';
import { ImportRegistry } from '../imports/import-registry';
import { MembersModule } from '../members/members.module';
import { MergeMovers } from '../members/merge-movers';
import { TimelineSources } from '../members/timeline-sources';
import { CreateFeedbackDto } from './dto/create-feedback.dto';
import { feedbackMergeMover } from './feedback-merge-mover';
import { feedbackTimelineSource } from './feedback-timeline-source';
import { FeedbackController } from './feedback.controller';
import { FeedbackService } from './feedback.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Feedback } from './feedback.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Feedback]), MembersModule],
  controllers: [FeedbackController],
  providers: [FeedbackService],
  exports: [FeedbackService],
})
export class FeedbackModule implements OnModuleInit {
  constructor(
    private readonly registry: ImportRegistry,
    private readonly feedback: FeedbackService,
    private readonly timeline: TimelineSources,
    private readonly merges: MergeMovers,
  ) {}

  onModuleInit(): void {
    this.timeline.register(feedbackTimelineSource);
    this.merges.register(feedbackMergeMover);
    this.registry.register({
      type: 'feedback',
      dto: CreateFeedbackDto,
      write: async (manager, row) => (await this.feedback.record(row, manager)).outcome,
    });
  }
}
