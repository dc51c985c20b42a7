import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { Attendance } from '../events/attendance.entity';
import { EventGuest } from '../events/event-guest.entity';
import { CommunityEvent } from '../events/event.entity';
import { Feedback } from '../feedback/feedback.entity';
import { Identity } from '../members/identity.entity';
import { Member } from '../members/member.entity';
import { Mention } from '../mentions/mention.entity';
import { Purchase } from '../purchases/purchase.entity';
import { Referral } from '../referrals/referral.entity';
import { Review } from '../reviews/review.entity';
import { DemoCommunity } from './demo-community';

const CHUNK = 200;

/** Stores a generated community in one transaction, parents before children. */
export async function seedDemo(
  dataSource: DataSource,
  community: DemoCommunity,
): Promise<Record<string, number>> {
  const order: [keyof DemoCommunity, EntityTarget<ObjectLiteral>][] = [
    ['campaigns', Campaign],
    ['members', Member],
    ['identities', Identity],
    ['purchases', Purchase],
    ['referrals', Referral],
    ['reviews', Review],
    ['mentions', Mention],
    ['events', CommunityEvent],
    ['attendance', Attendance],
    ['guests', EventGuest],
    ['feedback', Feedback],
  ];
  await dataSource.transaction(async (manager) => {
    for (const [key, entity] of order) {
      const rows = community[key];
      for (let start = 0; start < rows.length; start += CHUNK) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(entity)
          .values(rows.slice(start, start + CHUNK))
          .updateEntity(false)
          .execute();
      }
    }
  });
  return Object.fromEntries(order.map(([key]) => [key, community[key].length]));
}
