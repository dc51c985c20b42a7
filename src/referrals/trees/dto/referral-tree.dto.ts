import { ApiProperty } from '@nestjs/swagger';
import { formatAmount } from '../../../common/money/money';
import { TreeNode } from '../referral-tree';

/** A member in a referral tree; amounts are decimal strings in the base currency. */
export class ReferralTreeNodeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Grace Hopper',
    description: 'Name, else email, else externalId; null for someone with none (erased).',
  })
  name!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description:
      'When the referral that brought this member converted (the converting order); null for a root nobody referred.',
  })
  convertedAt!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '63.00',
    description:
      'Spend value (margin realized + predicted) of the member’s current value snapshot; null where none is stored (not computed yet, or the member objects to profiling).',
  })
  spendValue!: string | null;

  @ApiProperty({
    example: '21.00',
    description: 'Σ spend value of the referees shown below this member.',
  })
  valueBrought!: string;

  @ApiProperty({ example: 1, description: 'Referees shown below this member, all levels.' })
  size!: number;

  @ApiProperty({ example: 1, description: 'Levels shown below this member (0 for a leaf).' })
  depth!: number;

  @ApiProperty({
    example: 0,
    description:
      'Converted referees of this member beyond the depth asked for (only on the last level shown; 0 elsewhere).',
  })
  moreReferees!: number;

  @ApiProperty({
    type: () => [ReferralTreeNodeDto],
    description: 'The members this one brought, oldest conversion first.',
  })
  children!: ReferralTreeNodeDto[];

  static from(node: TreeNode, currency: string): ReferralTreeNodeDto {
    return {
      id: node.id,
      name: node.name,
      convertedAt: node.convertedAt === null ? null : new Date(node.convertedAt).toISOString(),
      spendValue: node.spendMinor === null ? null : formatAmount(node.spendMinor, currency),
      valueBrought: formatAmount(node.valueBroughtMinor, currency),
      size: node.size,
      depth: node.depth,
      moreReferees: node.moreReferees,
      children: node.children.map((child) => ReferralTreeNodeDto.from(child, currency)),
    };
  }
}

export class ReferralTreeDto {
  @ApiProperty({
    type: ReferralTreeNodeDto,
    description: 'The member, with the converted referrals below them.',
  })
  root!: ReferralTreeNodeDto;

  @ApiProperty({ example: 4, description: 'Referees in the tree shown (root.size).' })
  size!: number;

  @ApiProperty({ example: 2, description: 'Levels shown below the member (root.depth).' })
  depth!: number;

  @ApiProperty({ example: 3, description: 'The depth asked for.' })
  depthLimit!: number;

  @ApiProperty({
    example: false,
    description: 'Some converted referees lie below depthLimit (see moreReferees).',
  })
  truncated!: boolean;

  @ApiProperty({ example: 'EUR', description: 'The base currency of every amount.' })
  currency!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description:
      'The id asked for, when that member was merged into root.id: the tree is the survivor’s, where the referrals live now.',
  })
  mergedFrom!: string | null;
}
