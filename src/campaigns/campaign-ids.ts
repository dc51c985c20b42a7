import { EntityManager, In } from 'typeorm';
import { findAmong } from '../database/batch/batch-plan';
import { Campaign } from './campaign.entity';

/** The ids among these that name a campaign (one query per 500), for a batch of rows. */
export async function existingCampaignIds(
  manager: EntityManager,
  ids: string[],
): Promise<Set<string>> {
  const campaigns = await findAmong(manager, Campaign, ids, (chunk) => ({ id: In(chunk) }), {
    select: { id: true },
  });
  return new Set(campaigns.map((campaign) => campaign.id));
}
