import { ApiProperty } from '@nestjs/swagger';
import { formatAmount } from '../../../common/money/money';
import { PageOf } from '../../../common/pagination/page-of.dto';
import { TreeSize } from '../referral-forest';
import { NamedMember } from '../referral-trees.repository';

export class ReferralTreeRootDto {
  @ApiProperty({ format: 'uuid' }) id!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Ada Lovelace',
    description: 'Name, else email, else externalId; null for someone with none (erased).',
  })
  name!: string | null;
}

/** One of the brand's referral trees: a member nobody referred and everyone they brought. */
export class ReferralTreeSummaryDto {
  @ApiProperty({ type: ReferralTreeRootDto }) root!: ReferralTreeRootDto;

  @ApiProperty({ example: 12, description: 'Converted referees in the tree, all levels.' })
  size!: number;

  @ApiProperty({ example: 3, description: 'Levels below the root.' })
  depth!: number;

  @ApiProperty({
    example: '845.20',
    description:
      'Σ the referees’ spend value (margin realized + predicted) from their current value snapshots; referees without one count 0.',
  })
  valueBrought!: string;

  @ApiProperty({ example: 'EUR', description: 'The base currency of valueBrought.' })
  currency!: string;

  static from(tree: TreeSize, root: NamedMember, currency: string): ReferralTreeSummaryDto {
    return {
      root: { id: root.id, name: root.name },
      size: tree.size,
      depth: tree.depth,
      valueBrought: formatAmount(tree.valueBroughtMinor, currency),
      currency,
    };
  }
}

export class ReferralTreeListDto extends PageOf(ReferralTreeSummaryDto, {
  example: 42,
  description: 'Referral trees in the brand (roots who object to profiling are not listed).',
}) {}
