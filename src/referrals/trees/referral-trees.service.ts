import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/errors/domain-error';
import { HaloSettings } from '../../config/halo-settings';
import { MembersErrorCode } from '../../members/members-error-code';
import { MembersRepository } from '../../members/members.repository';
import { ReferralTreeDto, ReferralTreeNodeDto } from './dto/referral-tree.dto';
import { ReferralTreeListDto, ReferralTreeSummaryDto } from './dto/referral-tree-summary.dto';
import { ReferralForest } from './referral-forest';
import { buildReferralTree } from './referral-tree';
import { ReferralTreesRepository } from './referral-trees.repository';

/** Who brought whom: a member's referral tree, and the brand's largest trees. */
@Injectable()
export class ReferralTreesService {
  constructor(
    private readonly trees: ReferralTreesRepository,
    private readonly members: MembersRepository,
    private readonly settings: HaloSettings,
  ) {}

  /**
   * The member and the converted referrals below them, down to `depth` levels. A merged
   * member's id answers the survivor's tree, where the referrals were moved.
   */
  async treeOf(memberId: string, depth: number): Promise<ReferralTreeDto> {
    const asked = await this.members.findRowById(memberId);
    const member = asked && (await this.members.findSurvivorOf(asked));
    if (!member) throw notFound(MembersErrorCode.MEMBER_NOT_FOUND, 'id', memberId);
    const [root, edges] = await Promise.all([
      this.trees.findRoot(member.id),
      this.trees.findEdgesBelow(member.id, depth),
    ]);
    const tree = buildReferralTree(root, edges);
    const currency = this.settings.money.baseCurrency;
    return {
      root: ReferralTreeNodeDto.from(tree, currency),
      size: tree.size,
      depth: tree.depth,
      depthLimit: depth,
      truncated: edges.some((edge) => edge.moreReferees > 0),
      currency,
      mergedFrom: member.id === asked.id ? null : asked.id,
    };
  }

  /** The largest trees by size (then value brought), at most `limit`. */
  async largest(limit: number): Promise<ReferralTreeListDto> {
    const forest = new ReferralForest();
    await this.trees.forEachCountedEdge((referrerId, refereeId, spendMinor) =>
      forest.add(referrerId, refereeId, spendMinor),
    );
    const { trees, total } = forest.largest(limit, await this.trees.findObjectorIds());
    const roots = await this.trees.findNamed(trees.map((tree) => tree.rootId));
    const currency = this.settings.money.baseCurrency;
    return {
      items: trees.map((tree) =>
        ReferralTreeSummaryDto.from(
          tree,
          roots.get(tree.rootId) ?? { id: tree.rootId, name: null },
          currency,
        ),
      ),
      nextCursor: null,
      total,
    };
  }
}
