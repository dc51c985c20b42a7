import { Injectable, OnModuleInit } from '@nestjs/common';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { EntityManager } from 'typeorm';
import { HaloSettings } from '../config/halo-settings';
import { ErasedPerson, ErasureParticipants } from '../privacy/erasure-participants';
import { DigestClaim } from './digest-claim.entity';
import { DigestSubscription } from './digest-subscription.entity';
import { containsAny, needlesOf, replaceAll } from './erasure-needles';
import { emlText } from './mail/eml-text';
import { escapeHtml } from './templates/escape-html';
import { digestStrings } from './templates/digest-strings';

const CLAIMS_PAGE = 200;

/**
 * What digests keep that names a person erased: the outbox's .eml files (deleted: they are
 * copies of mails already sent) and the rendered mail a claim keeps for its retries (each
 * name or email in it becomes the digest's "A member", so that a retry still sends a digest).
 */
@Injectable()
export class DigestErasureParticipant implements OnModuleInit {
  constructor(
    private readonly participants: ErasureParticipants,
    private readonly settings: HaloSettings,
  ) {}

  onModuleInit(): void {
    this.participants.register({
      name: 'digestOutboxFiles',
      erase: (person) => Promise.resolve(this.deleteOutboxFiles(person)),
    });
    this.participants.register({
      name: 'digestClaims',
      erase: (person, manager) => this.scrubClaims(person, manager),
    });
  }

  private deleteOutboxFiles(person: ErasedPerson): number {
    const folder = this.outboxFolder();
    if (!existsSync(folder)) return 0;
    const needles = needlesOf(person, true);
    let deleted = 0;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (!entry.isFile() || !/\.eml(\.tmp)?$/.test(entry.name)) continue;
      const file = join(folder, entry.name);
      if (!containsAny(emlText(readFileSync(file)), needles)) continue;
      rmSync(file, { force: true });
      deleted += 1;
    }
    return deleted;
  }

  private async scrubClaims(person: ErasedPerson, manager: EntityManager): Promise<number> {
    const needles = needlesOf(person, false);
    if (!needles.length) return 0;
    let scrubbed = 0;
    // A page at a time: claims keep whole rendered mails, one per subscription and period.
    for (let page = 0; ; page += 1) {
      const claims = await manager
        .getRepository(DigestClaim)
        .createQueryBuilder('claim')
        .select(['claim.id', 'claim.subscriptionId', 'claim.subject', 'claim.html', 'claim.text'])
        .where('claim.html IS NOT NULL OR claim.text IS NOT NULL')
        .orderBy('claim.id')
        .skip(page * CLAIMS_PAGE)
        .take(CLAIMS_PAGE)
        .getMany();
      for (const claim of claims) if (await this.scrubClaim(manager, claim, needles)) scrubbed += 1;
      if (claims.length < CLAIMS_PAGE) break;
    }
    return scrubbed;
  }

  /** Rewrites the claim's mail when it names the person; answers whether it did. */
  private async scrubClaim(
    manager: EntityManager,
    claim: DigestClaim,
    needles: string[],
  ): Promise<boolean> {
    const fields = { subject: claim.subject, html: claim.html, text: claim.text };
    if (!Object.values(fields).some((value) => value && containsAny(value, needles))) return false;
    const subscription = await manager
      .getRepository(DigestSubscription)
      .findOne({ select: { language: true }, where: { id: claim.subscriptionId } });
    const unnamed = digestStrings(subscription?.language ?? 'en').unnamed;
    await manager.getRepository(DigestClaim).update(
      { id: claim.id },
      {
        subject: fields.subject && replaceAll(fields.subject, needles, unnamed),
        html: fields.html && replaceAll(fields.html, needles, escapeHtml(unnamed)),
        text: fields.text && replaceAll(fields.text, needles, unnamed),
      },
    );
    return true;
  }

  private outboxFolder(): string {
    const folder = this.settings.digests.outboxDir;
    return isAbsolute(folder) ? folder : resolve(folder);
  }
}
