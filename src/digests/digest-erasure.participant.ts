import { Injectable, OnModuleInit } from '@nestjs/common';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { EntityManager } from 'typeorm';
import { HaloSettings } from '../config/halo-settings';
import { ErasedPerson, ErasureParticipants } from '../privacy/erasure-participants';
import { DigestClaim } from './digest-claim.entity';
import { DigestSubscription } from './digest-subscription.entity';
import { emlText } from './mail/eml-text';
import { escapeHtml } from './templates/escape-html';
import { digestStrings } from './templates/digest-strings';

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
      const text = emlText(readFileSync(file)).toLowerCase();
      if (!needles.some((needle) => text.includes(needle))) continue;
      rmSync(file, { force: true });
      deleted += 1;
    }
    return deleted;
  }

  private async scrubClaims(person: ErasedPerson, manager: EntityManager): Promise<number> {
    const needles = needlesOf(person, false);
    if (!needles.length) return 0;
    const claims = await manager
      .getRepository(DigestClaim)
      .createQueryBuilder('claim')
      .select(['claim.id', 'claim.subscriptionId', 'claim.subject', 'claim.html', 'claim.text'])
      .where('claim.html IS NOT NULL OR claim.text IS NOT NULL')
      .getMany();
    let scrubbed = 0;
    for (const claim of claims) {
      const fields = { subject: claim.subject, html: claim.html, text: claim.text };
      if (!Object.values(fields).some((value) => value && containsAny(value, needles))) continue;
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
      scrubbed += 1;
    }
    return scrubbed;
  }

  private outboxFolder(): string {
    const folder = this.settings.digests.outboxDir;
    return isAbsolute(folder) ? folder : resolve(folder);
  }
}

/**
 * The person's names and emails, as written and HTML-escaped, lower-cased; for files, their
 * member ids too (a digest links each advocate's page), since a file is deleted, not rewritten.
 */
function needlesOf(person: ErasedPerson, withIds: boolean): string[] {
  const words = [...person.names, ...person.emails].filter((word) => word.trim().length >= 3);
  const all = words.flatMap((word) => [word, escapeHtml(word)]);
  if (withIds) all.push(...person.memberIds);
  return [...new Set(all.map((word) => word.toLowerCase()))];
}

function containsAny(value: string, needles: string[]): boolean {
  const lower = value.toLowerCase();
  return needles.some((needle) => lower.includes(needle));
}

function replaceAll(value: string, needles: string[], replacement: string): string {
  // Longest first, so that an escaped name is replaced whole before its raw prefix could be.
  let result = value;
  for (const needle of [...needles].sort((a, b) => b.length - a.length))
    result = result.replace(new RegExp(escapeRegExp(needle), 'gi'), replacement);
  return result;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
