import { Injectable } from '@nestjs/common';
import { Request, Response } from 'express';
import { ApiKey } from '../auth/api-key.entity';
import { AuthErrorCode } from '../auth/auth-error-code';
import {
  DashboardSessionsService,
  OpenedSession,
  csrfTokenFor,
} from '../auth/dashboard-sessions.service';
import { RequestAuthenticator, sessionToken } from '../auth/request-authenticator';
import { DomainError } from '../common/errors/domain-error';
import { setAuditActor } from '../common/http/audit-context';
import { HaloSettings } from '../config/halo-settings';
import { SessionResponseDto } from './dto/session-response.dto';

@Injectable()
export class SessionService {
  constructor(
    private readonly authenticator: RequestAuthenticator,
    private readonly sessions: DashboardSessionsService,
    private readonly settings: HaloSettings,
  ) {}

  /** The key as the dashboard shows it; the CSRF token when the request came with the cookie. */
  describe(key: ApiKey, request: Request, csrfToken?: string): SessionResponseDto {
    const token = sessionToken(request);
    const csrf =
      csrfToken ?? (token && !request.header('authorization') ? csrfTokenFor(token) : null);
    return SessionResponseDto.from(
      key,
      { baseCurrency: this.settings.money.baseCurrency, timezone: this.settings.brand.timezone },
      csrf,
    );
  }

  /**
   * Opens a session for the active key behind a secret typed into the sign-in form; refused
   * when unknown or revoked (and counted towards the failed-authentication limit).
   */
  async signIn(
    secret: string,
    request: Request,
    response: Response,
  ): Promise<{ key: ApiKey; session: OpenedSession }> {
    const key = await this.authenticator.keyForSecret(secret.trim(), request, response);
    if (!key) {
      throw new DomainError(
        'unauthorized',
        AuthErrorCode.API_KEY_INVALID,
        'the API key is unknown or revoked',
        [{ field: 'key', reason: 'is unknown or revoked', code: 'invalidKey' }],
      );
    }
    setAuditActor(request, { kind: 'session', keyId: key.id, keyName: key.name });
    const previous = sessionToken(request);
    if (previous) await this.sessions.revoke(previous);
    return { key, session: await this.sessions.open(key) };
  }

  async signOut(request: Request): Promise<void> {
    const token = sessionToken(request);
    if (!token) return;
    // Who signs out, for the audit; an ended session signs no one out and names no one.
    const live = await this.sessions.resolve(token);
    if (live)
      setAuditActor(request, { kind: 'session', keyId: live.key.id, keyName: live.key.name });
    await this.sessions.revoke(token);
  }
}
