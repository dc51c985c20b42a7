import { Module } from '@nestjs/common';
import { IdentitiesService } from './identities.service';
import { MemberMergeController } from './member-merge.controller';
import { MemberMergeService } from './member-merge.service';
import { MemberTimelineController } from './member-timeline.controller';
import { MembersController } from './members.controller';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';
import { MergeMovers } from './merge-movers';
import { MergeSuggestionsService } from './merge-suggestions.service';
import { TimelineItems } from './timeline-items';
import { TimelineSources } from './timeline-sources';
import { TimelineService } from './timeline.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Identity } from './identity.entity';
import { Member } from './member.entity';
import { MemberTag } from './member-tag.entity';
import { MergeDismissal } from './merge-dismissal.entity';
import { ErasureTombstone } from './erasure-tombstone.entity';
import { ErasureTombstones } from './erasure-tombstones';
import { AppSecretsService } from '../database/app-secrets.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Identity, Member, MemberTag, MergeDismissal, ErasureTombstone]),
  ],
  // MemberMergeController first: its `merge-suggestions` routes must match before `:id`.
  controllers: [MemberMergeController, MemberTimelineController, MembersController],
  providers: [
    MembersRepository,
    MembersService,
    IdentitiesService,
    MemberMergeService,
    MergeSuggestionsService,
    TimelineService,
    TimelineItems,
    TimelineSources,
    MergeMovers,
    AppSecretsService,
    ErasureTombstones,
  ],
  // The registries: each activity module adds its timeline source and its merge mover.
  exports: [
    MembersRepository,
    MembersService,
    IdentitiesService,
    MemberMergeService,
    TimelineSources,
    MergeMovers,
    ErasureTombstones,
  ],
})
export class MembersModule {}
