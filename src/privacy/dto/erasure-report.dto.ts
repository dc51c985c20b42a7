import { ApiProperty } from '@nestjs/swagger';
import { ErasureCounts } from '../erasure.service';

/** What an erasure removed, by kind; the member's id stays as an anonymous member's. */
export class ErasureReportDto {
  @ApiProperty({ format: 'uuid' })
  memberId!: string;

  @ApiProperty({ format: 'date-time' })
  erasedAt!: string;

  @ApiProperty({
    description:
      'How many were removed: members (1) and mergedMembers (pointers merged into them) lose their personal fields; tags, identities, valueSnapshots, mergeDismissals and idempotencyRecords are deleted; referralCodes are replaced; refereeEmails, attendanceEmails and guestEmails set to null; reviewTexts (title, body, url), feedbackTexts and mentionUrls (url, handle, post id) removed; tombstones is the number of new keyed hashes; digestOutboxFiles (outbox .eml files naming the person, deleted) and digestClaims (kept digests rewritten) come from the digests module, and other modules may add their own count.',
    example: {
      members: 1,
      mergedMembers: 0,
      tags: 1,
      identities: 1,
      referralCodes: 1,
      refereeEmails: 1,
      attendanceEmails: 1,
      guestEmails: 0,
      reviewTexts: 1,
      feedbackTexts: 1,
      mentionUrls: 1,
      valueSnapshots: 2,
      mergeDismissals: 0,
      idempotencyRecords: 0,
      tombstones: 3,
      digestOutboxFiles: 2,
      digestClaims: 1,
    },
  })
  removed!: ErasureCounts;
}
