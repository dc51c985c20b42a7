import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { ErasureService } from './erasure.service';
import { MemberExportService } from './member-export.service';
import { PrivacyController } from './privacy.controller';
import { PrivacyRepository } from './privacy.repository';

/** Export and erasure of a person; it reads every feature's tables, and no feature imports it. */
@Module({
  imports: [MembersModule],
  controllers: [PrivacyController],
  providers: [PrivacyRepository, ErasureService, MemberExportService],
})
export class PrivacyModule {}
