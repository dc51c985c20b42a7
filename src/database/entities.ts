import { ApiKey } from '../auth/api-key.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { IdempotencyRecord } from '../common/idempotency/idempotency-record.entity';
import { Identity } from '../members/identity.entity';
import { Member } from '../members/member.entity';
import { MemberTag } from '../members/member-tag.entity';
import { Purchase } from '../purchases/purchase.entity';
import { AppSecret } from './app-secret.entity';

/** Every entity, listed once for the app, the CLI and worker threads. */
export const ENTITIES = [
  AppSecret,
  ApiKey,
  Campaign,
  Member,
  MemberTag,
  Identity,
  Purchase,
  IdempotencyRecord,
];
