import { CreateMemberDto } from '../../members/dto/create-member.dto';
import { MembersService } from '../../members/members.service';
import { RecordImporter } from '../record-importer';

/** Members by externalId (else email): the same row again is unchanged, other content refused. */
export function membersImporter(members: MembersService): RecordImporter<CreateMemberDto> {
  return {
    type: 'members',
    dto: CreateMemberDto,
    write: async (manager, row) => (await members.create(row, manager)).outcome,
    plan: (manager, rows) => members.planBatch(manager, rows),
  };
}
