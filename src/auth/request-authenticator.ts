import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { Request, Response } from 'express';
import { DomainError } from '../common/errors/domain-error';
import { auditOf } from '../common/http/audit-context';
import { ApiKey } from './api-key.entity';
import { ApiKeysService } from './api-keys.service';
import { AuthErrorCode } from './auth-error-code';
import { DashboardSession } from './dashboard-session.entity';
import { DashboardSessionsService } from './dashboard-sessions.service';
import { FailedAuthentications } from './failed-authentications';
import { displayPrefix, publicKeyPrefix } from './key-secrets';

export const SESSION_COOKIE = 'halo_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface Authenticated {
  key: ApiKey;
  /** Set when the dashboard's cookie authenticated the request, not an Authorization header. */
  session?: DashboardSession;
}

/**
 * Who a request is: a Bearer key, or the dashboard's session cookie (writes with the cookie must
 * come from this origin and carry the session's CSRF token). Failed keys count towards the
 * per-address and per-prefix limit; at the limit the answer is 429 with Retry-After.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly sessions: DashboardSessionsService,
    private readonly failures: FailedAuthentications,
  ) {}

  async authenticate(request: Request, response: Response): Promise<Authenticated> {
    const header = request.header('authorization');
    if (header) {
      const secret = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
      const key = await this.keyForSecret(secret ?? '', request, response);
      if (!key) {
        throw new DomainError(
          'unauthorized',
          AuthErrorCode.API_KEY_INVALID,
          'the API key is unknown or revoked',
        );
      }
      return { key };
    }
    const token = sessionToken(request);
    if (!token) {
      throw new DomainError(
        'unauthorized',
        AuthErrorCode.API_KEY_MISSING,
        'send an API key as "Authorization: Bearer <key>"',
      );
    }
    // A session token is 256 random bits: guessing is hopeless, so a stale cookie is not
    // counted as a failure (a dashboard left open would otherwise lock its user out).
    const resolved = await this.sessions.resolve(token);
    if (!resolved) {
      throw new DomainError(
        'unauthorized',
        AuthErrorCode.SESSION_INVALID,
        'the session has ended; sign in again',
      );
    }
    if (!SAFE_METHODS.has(request.method)) this.checkCsrf(request, resolved.session);
    return resolved;
  }

  /** The active key for `secret`, or undefined (counted as a failure); 429 at the limit. */
  async keyForSecret(
    secret: string,
    request: Request,
    response: Response | undefined,
  ): Promise<ApiKey | undefined> {
    const subjects = [`address:${request.ip ?? 'unknown'}`, `prefix:${displayPrefix(secret)}`];
    const retryAfter = this.failures.retryAfterSeconds(subjects);
    if (retryAfter > 0) {
      response?.setHeader('Retry-After', String(retryAfter));
      throw new HttpException(
        `too many failed authentications; retry in ${retryAfter} s`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const key = await this.keys.authenticate(secret);
    if (!key) {
      this.failures.record(subjects);
      // The audit's anonymous auth.failed entry: never the presented secret, at most a prefix.
      auditOf(request).failedAuthentication = { keyPrefix: publicKeyPrefix(secret) };
    }
    return key;
  }

  private checkCsrf(request: Request, session: DashboardSession): void {
    const origin = request.header('origin');
    const sameOrigin =
      origin !== undefined
        ? origin === `${request.protocol}://${request.header('host') ?? ''}`
        : request.header('sec-fetch-site') === 'same-origin';
    if (!sameOrigin) {
      throw new DomainError(
        'forbidden',
        AuthErrorCode.CSRF_ORIGIN_MISMATCH,
        'a write with the session cookie must come from the dashboard itself',
        [{ field: 'Origin', reason: 'is not this server', code: 'crossOrigin' }],
      );
    }
    if (!this.sessions.csrfMatches(session, request.header(CSRF_HEADER))) {
      throw new DomainError(
        'forbidden',
        AuthErrorCode.CSRF_TOKEN_INVALID,
        'a write with the session cookie needs the X-CSRF-Token that GET /api/v1/session gives',
        [{ field: 'X-CSRF-Token', reason: 'is missing or wrong', code: 'csrfToken' }],
      );
    }
  }
}

/** The session token in the dashboard's cookie, if any. */
export function sessionToken(request: Request): string | undefined {
  const cookies = request.header('cookie');
  if (!cookies) return undefined;
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
