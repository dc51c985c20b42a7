import { Injectable } from '@nestjs/common';
import { DomainError, invalidField } from '../common/errors/domain-error';
import {
  emailKey,
  ErasureTombstones,
  externalIdKey,
  handleKey,
  PersonKey,
} from '../members/erasure-tombstones';
import { LiftTombstonesDto, LiftTombstonesResultDto } from './dto/lift-tombstones.dto';
import { PrivacyErrorCode } from './privacy-error-code';

/** Lifting tombstones on a person's new consent: a later create or import of them is accepted. */
@Injectable()
export class TombstoneLiftingService {
  constructor(private readonly tombstones: ErasureTombstones) {}

  async lift(request: LiftTombstonesDto): Promise<LiftTombstonesResultDto> {
    const keys: PersonKey[] = [];
    if (request.email) keys.push(emailKey(request.email));
    if (request.externalId) keys.push(externalIdKey(request.externalId));
    for (const { platform, handle } of request.handles ?? [])
      keys.push(handleKey(platform, handle));
    if (!keys.length)
      throw invalidField('email', 'or externalId or handles: at least one is required', 'required');
    const identifiers = await this.tombstones.lift(keys);
    const lifted = identifiers.filter((identifier) => identifier.lifted).length;
    if (!lifted)
      throw new DomainError(
        'not_found',
        PrivacyErrorCode.TOMBSTONE_NOT_FOUND,
        'no tombstone holds these identifiers: the person was not erased, or was let back in already',
        keys.map((key) => ({
          field: key.kind === 'handle' ? 'handles' : key.kind,
          reason: 'no tombstone',
          code: 'notFound',
        })),
      );
    return { lifted, identifiers, reason: request.reason };
  }
}
