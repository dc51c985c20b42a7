import { Injectable } from '@nestjs/common';
import { ApiKey } from '../auth/api-key.entity';
import { ApiKeysService } from '../auth/api-keys.service';
import { DomainError } from '../common/errors/domain-error';
import { HaloSettings } from '../config/halo-settings';
import { SessionResponseDto } from './dto/session-response.dto';
import { AuthErrorCode } from '../auth/auth-error-code';

@Injectable()
export class SessionService {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly settings: HaloSettings,
  ) {}

  describe(key: ApiKey): SessionResponseDto {
    return SessionResponseDto.from(key, this.settings.money.baseCurrency);
  }

  /** The active key behind a secret typed into the sign-in form; refused when unknown or revoked. */
  async signIn(secret: string): Promise<ApiKey> {
    const key = await this.keys.authenticate(secret.trim());
    if (!key) {
      throw new DomainError(
        'unauthorized',
        AuthErrorCode.API_KEY_INVALID,
        'the API key is unknown or revoked',
        [{ field: 'key', reason: 'is unknown or revoked', code: 'invalidKey' }],
      );
    }
    return key;
  }
}
