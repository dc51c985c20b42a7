import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Response } from 'express';
import { DomainError } from '../common/errors/domain-error';
import { setAuditActor } from '../common/http/audit-context';
import { AuthenticatedRequest } from '../common/http/authenticated-request';
import { ApiKey, Role } from './api-key.entity';
import { AuthErrorCode } from './auth-error-code';
import { RequestAuthenticator } from './request-authenticator';
import { roleAllows } from './role-rank';
import { IS_PUBLIC, REQUIRED_ROLE } from './roles.decorator';

export { SESSION_COOKIE } from './request-authenticator';

const READ_METHODS = new Set(['GET', 'HEAD']);

/** Every route needs a key unless marked @Public(): a Bearer header, or the dashboard's session. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest<ApiKey>>();
    const { key, session } = await this.authenticator.authenticate(
      request,
      http.getResponse<Response>(),
    );
    // Known before the role check, so that a refused attempt is audited with its actor too.
    setAuditActor(request, {
      kind: session ? 'session' : 'key',
      keyId: key.id,
      keyName: key.name,
    });
    const required =
      this.reflector.getAllAndOverride<Role>(REQUIRED_ROLE, targets) ??
      (READ_METHODS.has(request.method) ? 'viewer' : 'manager');
    if (!roleAllows(key.role, required)) {
      throw new DomainError(
        'forbidden',
        AuthErrorCode.ROLE_INSUFFICIENT,
        `this action needs the ${required} role; the key has ${key.role}`,
      );
    }
    request.apiKey = key;
    return true;
  }
}
