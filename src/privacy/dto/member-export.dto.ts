import { ApiProperty } from '@nestjs/swagger';

type Rows = Record<string, unknown>[];

/** Everything Halo holds about a person; each list holds rows with their columns as stored. */
export class MemberExportDto {
  @ApiProperty({ format: 'date-time' })
  exportedAt!: string;

  @ApiProperty({ description: "The member's row: every personal field Halo holds." })
  member!: Record<string, unknown>;

  @ApiProperty({ description: 'Members merged into this one: pointers that keep their fields.' })
  mergedMembers!: Rows;

  @ApiProperty() tags!: Rows;
  @ApiProperty({ description: 'Handles on platforms.' }) identities!: Rows;
  @ApiProperty() purchases!: Rows;
  @ApiProperty({ description: 'Referrals they made.' }) referralsAsReferrer!: Rows;
  @ApiProperty({ description: 'Referrals of them, by member or by refereeEmail.' })
  referralsAsReferee!: Rows;
  @ApiProperty({ description: 'Attendance as member or by email.' }) eventAttendance!: Rows;
  @ApiProperty({ description: 'Events they came to as a guest.' }) eventGuestOf!: Rows;
  @ApiProperty() reviews!: Rows;
  @ApiProperty() mentions!: Rows;
  @ApiProperty() feedback!: Rows;
  @ApiProperty({ description: 'Values, engagement, tier and predictions computed for them.' })
  valueSnapshots!: Rows;
  @ApiProperty({ description: 'Merge suggestions dismissed for them.' }) mergeDismissals!: Rows;
  @ApiProperty({ description: 'Digest emails sent to their address.' }) digestDeliveries!: Rows;
}
