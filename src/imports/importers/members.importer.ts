import { In } from 'typeorm';
import { findAmong } from '../../database/batch/batch-plan';
import { CreateMemberDto } from '../../members/dto/create-member.dto';
import { Member } from '../../members/member.entity';
import { MembersService } from '../../members/members.service';
import { normalizeEmail } from '../../members/normalize';
import { RecordImporter } from '../record-importer';

/** Members by externalId (else email): the same row again is unchanged, other content refused. */
export function membersImporter(members: MembersService): RecordImporter<CreateMemberDto> {
  return {
    type: 'members',
    dto: CreateMemberDto,
    write: async (manager, row) => (await members.create(row, manager)).outcome,
    plan: (manager, rows) => members.planBatch(manager, rows),
    createdIds: async (manager, rows) => {
      const externalIds = rows.flatMap((row) => (row.externalId ? [row.externalId] : []));
      const emails = rows.flatMap((row) =>
        !row.externalId && row.email ? [normalizeEmail(row.email)] : [],
      );
      const select = { id: true } as const;
      const found = [
        ...(await findAmong(manager, Member, externalIds, (chunk) => ({ externalId: In(chunk) }), {
          select,
        })),
        ...(await findAmong(manager, Member, emails, (chunk) => ({ emailNormalized: In(chunk) }), {
          select,
        })),
      ];
      return [...new Set(found.map((member) => member.id))];
    },
    undo: {
      table: 'members',
      references: [
        { table: 'purchases', column: 'member_id' },
        { table: 'referrals', column: 'referrer_id' },
        { table: 'referrals', column: 'referee_member_id' },
        { table: 'reviews', column: 'member_id' },
        { table: 'mentions', column: 'member_id' },
        { table: 'event_attendance', column: 'member_id' },
        { table: 'event_guests', column: 'guest_member_id' },
        { table: 'feedback', column: 'member_id' },
        { table: 'members', column: 'merged_into_id' },
        { table: 'erasure_tombstones', column: 'member_id' },
      ],
      keptWhenSet: ['merged_into_id'],
      // Identities, tags and merge dismissals go with the member (ON DELETE CASCADE).
      derived: [{ table: 'value_snapshot_rows', column: 'member_id' }],
    },
  };
}
