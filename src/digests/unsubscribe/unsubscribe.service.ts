import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { DigestSubscription } from '../digest-subscription.entity';
import { DigestsErrorCode } from '../digests-error-code';
import { UnsubscribeTokens, recipientDigest } from './unsubscribe-tokens';

export interface UnsubscribeOutcome {
  subscriptionName: string | null;
  /** False when the address had already left the list (a second click). */
  removed: boolean;
  /** The list is empty now: the subscription was deactivated. */
  deactivated: boolean;
}

/**
 * A recipient leaves a digest through the link of its List-Unsubscribe header: their address
 * is removed from the subscription's recipients; the last one leaving deactivates it (an
 * admin sees both in the subscription).
 */
@Injectable()
export class UnsubscribeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  /** The subscription a token names (for the confirmation page), or 404. */
  async subscriptionOf(token: string): Promise<DigestSubscription> {
    const target = await this.tokens.verify(token);
    const subscription =
      target &&
      (await this.dataSource.getRepository(DigestSubscription).findOneBy({
        id: target.subscriptionId,
      }));
    if (!subscription) throw unknownLink();
    return subscription;
  }

  async unsubscribe(token: string): Promise<UnsubscribeOutcome> {
    const target = await this.tokens.verify(token);
    if (!target) throw unknownLink();
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(DigestSubscription);
      const subscription = await repository.findOneBy({ id: target.subscriptionId });
      if (!subscription) throw unknownLink();
      const recipients = subscription.recipientList();
      const kept = recipients.filter((email) => recipientDigest(email) !== target.recipientDigest);
      const removed = kept.length < recipients.length;
      const deactivated = kept.length === 0 && subscription.active;
      if (removed)
        await repository.update(
          { id: subscription.id },
          {
            recipients: JSON.stringify(kept),
            active: kept.length > 0 && subscription.active,
            updatedAt: Date.now(),
          },
        );
      return { subscriptionName: subscription.name, removed, deactivated: removed && deactivated };
    });
  }
}

function unknownLink(): DomainError {
  return new DomainError(
    'not_found',
    DigestsErrorCode.UNSUBSCRIBE_LINK_NOT_FOUND,
    'this unsubscribe link is not valid: altered, or its digest subscription was deleted',
    [{ field: 'token', reason: 'is not a valid unsubscribe link', code: 'notFound' }],
  );
}
