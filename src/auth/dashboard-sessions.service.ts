import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { ApiKey } from './api-key.entity';
import { DashboardSession } from './dashboard-session.entity';
import { hashesEqual } from './key-secrets';

/** A fixed lifetime from sign-in: a working day, never extended by use. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface OpenedSession {
  token: string;
  csrfToken: string;
  expiresAt: number;
}

export interface ResolvedSession {
  session: DashboardSession;
  key: ApiKey;
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * The CSRF token is derived from the session token, so GET /api/v1/session can hand it to a
 * reloaded page without storing it; only its hash is on the row.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`, 'utf8').digest('base64url');
}

@Injectable()
export class DashboardSessionsService {
  constructor(
    @InjectRepository(DashboardSession) private readonly sessions: Repository<DashboardSession>,
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
  ) {}

  async open(key: ApiKey, now = Date.now()): Promise<OpenedSession> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = csrfTokenFor(token);
    const expiresAt = now + SESSION_LIFETIME_MS;
    // Ended sessions are no use to anyone: each sign-in clears them, so the table stays small.
    await this.sessions
      .createQueryBuilder()
      .delete()
      .where('expires_at <= :now OR revoked_at IS NOT NULL', { now })
      .execute();
    await this.sessions.insert({
      id: randomUUID(),
      tokenHash: sha256(token),
      csrfHash: sha256(csrfToken),
      apiKeyId: key.id,
      createdAt: now,
      expiresAt,
      revokedAt: null,
    });
    return { token, csrfToken, expiresAt };
  }

  /** The live session behind a cookie token and its active key; undefined when any has ended. */
  async resolve(token: string, now = Date.now()): Promise<ResolvedSession | undefined> {
    if (token.length < 16 || token.length > 128) return undefined;
    const session = await this.sessions.findOneBy({ tokenHash: sha256(token) });
    if (!session || session.revokedAt !== null || session.expiresAt <= now) return undefined;
    const key = await this.keys.findOneBy({ id: session.apiKeyId });
    if (!key || key.revokedAt) return undefined;
    return { session, key };
  }

  csrfMatches(session: DashboardSession, presented: string | undefined): boolean {
    return presented !== undefined && hashesEqual(session.csrfHash, sha256(presented));
  }

  async revoke(token: string, now = Date.now()): Promise<void> {
    await this.sessions.update(
      { tokenHash: sha256(token), revokedAt: IsNull() },
      { revokedAt: now },
    );
  }

  async revokeForKey(apiKeyId: string, now = Date.now()): Promise<void> {
    await this.sessions.update({ apiKeyId, revokedAt: IsNull() }, { revokedAt: now });
  }
}
