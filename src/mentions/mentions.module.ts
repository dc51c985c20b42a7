import { Module, OnModuleInit } from '@nestjs/common';
import { ImportRegistry } from '../imports/import-registry';
import { IdentitiesService } from '../members/identities.service';
import { reassigningMover } from '../members/member-merge-moves';
import { MembersModule } from '../members/members.module';
import { MergeMovers } from '../members/merge-movers';
import { TimelineSources } from '../members/timeline-sources';
import { PurchasesModule } from '../purchases/purchases.module';
import { PurchasesService } from '../purchases/purchases.service';
import { CreateMentionDto } from './dto/create-mention.dto';
import { planMentions } from './mentions-batch';
import { rememberMentionUrls } from './mention-purchase-links';
import { mentionIdsForUrls } from './mention-url-lookup';
import { mentionTimelineSource } from './mention-timeline-source';
import { Mention } from './mention.entity';
import { MentionsController } from './mentions.controller';
import { MentionsService } from './mentions.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PurchaseMentionUrl } from './purchase-mention-url.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([Mention, PurchaseMentionUrl]),
    MembersModule,
    PurchasesModule,
  ],
  controllers: [MentionsController],
  providers: [MentionsService],
  exports: [MentionsService],
})
export class MentionsModule implements OnModuleInit {
  constructor(
    private readonly mentions: MentionsService,
    private readonly identities: IdentitiesService,
    private readonly purchases: PurchasesService,
    private readonly imports: ImportRegistry,
    private readonly timeline: TimelineSources,
    private readonly merges: MergeMovers,
  ) {}

  onModuleInit(): void {
    this.identities.onIdentityAdded((manager, identity) =>
      this.mentions.linkToIdentity(manager, identity),
    );
    this.purchases.onPurchaseRecorded(rememberMentionUrls);
    this.purchases.resolveMentionUrlsWith(mentionIdsForUrls);
    this.timeline.register(mentionTimelineSource);
    this.merges.register(reassigningMover(Mention, 'memberId', 'member_id', 'mentions'));
    this.imports.register({
      type: 'mentions',
      dto: CreateMentionDto,
      write: async (manager, row) => (await this.mentions.write(row, manager)).outcome,
      plan: planMentions,
    });
  }
}
