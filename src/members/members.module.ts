import { Module } from '@nestjs/common';
import { IdentitiesService } from './identities.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({
  controllers: [MembersController],
  providers: [MembersService, IdentitiesService],
  exports: [MembersService, IdentitiesService],
})
export class MembersModule {}
