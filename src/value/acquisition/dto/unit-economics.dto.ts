import { ApiProperty } from '@nestjs/swagger';
import { formatAmount } from '../../../common/money/money';
import { UnitEconomics } from '../acquisition-metrics';

export const money = (minor: number, currency: string) => formatAmount(minor, currency);
export const moneyOrNull = (minor: number | null, currency: string) =>
  minor === null ? null : formatAmount(minor, currency);

/** What the members of a row acquired in the window cost and are worth. */
export class UnitEconomicsDto {
  @ApiProperty({ description: 'Members acquired in the window, each counted once.', example: 40 })
  acquired!: number;

  @ApiProperty({
    description: 'Same as spendInWindow (kept for existing clients).',
    example: '1000.00',
  })
  spend!: string;

  @ApiProperty({
    description:
      'Acquisition spend recorded in the window: campaigns pro-rated by their days in it, rewards of referrals converted in it, costs of events held in it.',
    example: '1000.00',
  })
  spendInWindow!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "Mean acquisition cost of the members whose cost is known: a campaign's whole spend over all the members it acquired, a referral's reward, an event's cost over the guests it acquired. Null when nobody was acquired or no member's cost is known (see costKnown); never 0 for an unknown cost.",
    example: '25.00',
  })
  cac!: string | null;

  @ApiProperty({
    description:
      'False when members were acquired and none has a known cost (organic, unattributed, a channel label alone).',
    example: true,
  })
  costKnown!: boolean;

  @ApiProperty({ description: 'Members acquired through a campaign, a referral or an event.' })
  membersWithKnownCost!: number;

  @ApiProperty({
    description: 'Members whose acquisition cost is unknown; left out of CAC and LTV/CAC.',
  })
  membersWithUnknownCost!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "Mean spend value (margin, not revenue) of the acquired members' current value snapshots; null when none is valued.",
    example: '90.00',
  })
  ltv!: string | null;

  @ApiProperty({
    description: 'Acquired members with a value snapshot (the LTV is their mean).',
    example: 38,
  })
  valuedMembers!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Mean spend value of the valued members whose cost is known: the LTV of LTV/CAC.',
    example: '92.00',
  })
  ltvWithKnownCost!: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'ltvWithKnownCost / CAC (4 decimals); null unless both are known and CAC is above zero.',
    example: 3.6,
  })
  ltvToCac!: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The most a member can cost at the target ratio: LTV / value.targetLtvCacRatio; null without LTV.',
    example: '30.00',
  })
  maxAffordableCac!: string | null;
}

export function unitEconomicsDto(
  figures: UnitEconomics & { spendInWindowMinor: number },
  currency: string,
): UnitEconomicsDto {
  const spendInWindow = money(figures.spendInWindowMinor, currency);
  return {
    acquired: figures.acquired,
    spend: spendInWindow,
    spendInWindow,
    cac: moneyOrNull(figures.cacMinor, currency),
    costKnown: figures.costKnown,
    membersWithKnownCost: figures.membersWithKnownCost,
    membersWithUnknownCost: figures.membersWithUnknownCost,
    ltv: moneyOrNull(figures.ltvMinor, currency),
    valuedMembers: figures.valuedMembers,
    ltvWithKnownCost: moneyOrNull(figures.ltvWithKnownCostMinor, currency),
    ltvToCac: figures.ltvToCac,
    maxAffordableCac: moneyOrNull(figures.maxAffordableCacMinor, currency),
  };
}
