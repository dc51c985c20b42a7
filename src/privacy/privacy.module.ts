import { Module } from '@nestjs/common';
import { LeasedJobsModule } from '../database/scheduling/leased-jobs.module';
import { MembersModule } from '../members/members.module';
import { ErasureLock } from './erasure-lock';
import { ErasureParticipantsModule } from './erasure-participants.module';
import { ErasureReapplyService } from './erasure-reapply.service';
import { ErasureService } from './erasure.service';
import { ErasureTombstonesController } from './erasure-tombstones.controller';
import { MemberExportService } from './member-export.service';
import { PrivacyController } from './privacy.controller';
import { PrivacyRepository } from './privacy.repository';
import { TombstoneLiftingService } from './tombstone-lifting.service';

/** Export and erasure of a person; it reads every feature's tables, and no feature imports it. */
@Module({
  imports: [MembersModule, LeasedJobsModule, ErasureParticipantsModule],
  controllers: [PrivacyController, ErasureTombstonesController],
  providers: [
    PrivacyRepository,
    ErasureService,
    ErasureLock,
    MemberExportService,
    TombstoneLiftingService,
    ErasureReapplyService,
  ],
})
export class PrivacyModule {}
