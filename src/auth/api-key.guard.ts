import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { DomainError } from '../common/errors/domain-error';
import { AuthenticatedRequest } from '../common/http/authenticated-request';
import { ApiKey, Role } from './api-key.entity';
import { ApiKeysService } from './api-keys.service';
import { roleAllows } from './role-rank';
import { IS_PUBLIC, REQUIRED_ROLE } from './roles.decorator';
import { AuthErrorCode } from './auth-error-code';

export const SESSION_COOKIE = 'halo_session';

const READ_METHODS = new Set(['GET', 'HEAD']);

/** Every route needs a key unless marked @Public(): a Bearer header, or the dashboard's cookie. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest<ApiKey>>();
    const secret = presentedSecret(request);
    if (!secret) {
      throw new DomainError(
        'unauthorized',
        AuthErrorCode.API_KEY_MISSING,
        'send an API key as "Authorization: Bearer <key>"',
      );
    }
    const key = await this.keys.authenticate(secret);
    if (!key)
      throw new DomainError(
        'unauthorized',
        AuthErrorCode.API_KEY_INVALID,
        'the API key is unknown or revoked',
      );
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

function presentedSecret(request: Request): string | undefined {
  const header = request.header('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
  }
  const cookies = request.header('cookie');
  if (!cookies) return undefined;
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
