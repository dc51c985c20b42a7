import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { DomainError, notFound } from '../common/errors/domain-error';
import { HaloSettings } from '../config/halo-settings';
import { AppSecretsService } from '../database/app-secrets.service';
import { ApiKey, Role } from './api-key.entity';
import { displayPrefix, generateKeySecret, hashKeySecret, hashesEqual } from './key-secrets';
import { AuthErrorCode } from './auth-error-code';
import { DashboardSessionsService } from './dashboard-sessions.service';
import { CommonErrorCode } from '../common/errors/common-error-code';

const PEPPER = 'api-key-pepper';
const LAST_USED_RESOLUTION_MS = 60_000;
/**
 * How long an authenticated key is answered from memory instead of a query per request. A key
 * revoked or changed through this process is forgotten at once; one revoked by another process
 * (the CLI, another instance) is refused at most this long after.
 */
export const KEY_CACHE_TTL_MS = 2_000;

export interface CreatedKey {
  key: ApiKey;
  secret: string;
}

@Injectable()
export class ApiKeysService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ApiKeysService.name);
  /** Active keys by secret hash, each until its time. */
  private readonly cache = new Map<string, { key: ApiKey; until: number }>();

  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    private readonly secrets: AppSecretsService,
    private readonly settings: HaloSettings,
    private readonly sessions: DashboardSessionsService,
  ) {}

  /** HALO_ADMIN_KEY makes sure an admin key with that secret exists. */
  async onApplicationBootstrap(): Promise<void> {
    const secret = this.settings.auth.adminKey;
    if (!secret) return;
    const secretHash = hashKeySecret(secret, await this.secrets.get(PEPPER));
    const existing = await this.keys.findOneBy({ secretHash });
    if (existing && !existing.revokedAt && existing.role === 'admin') return;
    if (existing) {
      this.cache.clear();
      await this.keys.update(existing.id, { role: 'admin', revokedAt: null });
    } else {
      await this.keys
        .createQueryBuilder()
        .insert()
        .values(this.newKey('HALO_ADMIN_KEY', 'admin', secret, secretHash))
        .orIgnore()
        .execute();
    }
    this.logger.log('admin key from HALO_ADMIN_KEY is in place');
  }

  /** Whether any key can sign in (a first start has none). */
  hasActiveKey(): Promise<boolean> {
    return this.keys.exists({ where: { revokedAt: IsNull() } });
  }

  async create(name: string, role: Role): Promise<CreatedKey> {
    const secret = generateKeySecret();
    const key = this.newKey(
      name,
      role,
      secret,
      hashKeySecret(secret, await this.secrets.get(PEPPER)),
    );
    await this.keys.insert(key);
    return { key, secret };
  }

  list(): Promise<ApiKey[]> {
    return this.keys.find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async revoke(id: string): Promise<ApiKey> {
    const key = await this.keys.findOneBy({ id });
    if (!key) throw notFound(AuthErrorCode.API_KEY_NOT_FOUND, 'id', id);
    this.forget(id);
    if (!key.revokedAt) {
      key.revokedAt = Date.now();
      await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: key.revokedAt });
    }
    // The guard already refuses a revoked key's sessions; this marks them ended for good.
    await this.sessions.revokeForKey(id, key.revokedAt);
    return key;
  }

  /** The active key for a presented secret, or undefined. */
  async authenticate(secret: string): Promise<ApiKey | undefined> {
    if (secret.length < 16 || secret.length > 512) return undefined;
    const secretHash = hashKeySecret(secret, await this.secrets.get(PEPPER));
    const now = Date.now();
    const cached = this.cache.get(secretHash);
    const key =
      cached && cached.until > now ? cached.key : await this.keys.findOneBy({ secretHash });
    if (!key || key.revokedAt || !hashesEqual(key.secretHash, secretHash)) {
      this.cache.delete(secretHash);
      return undefined;
    }
    if (!cached || cached.key !== key) {
      if (this.cache.size >= 1000) this.cache.clear();
      this.cache.set(secretHash, { key, until: now + KEY_CACHE_TTL_MS });
    }
    if (!key.lastUsedAt || now - key.lastUsedAt > LAST_USED_RESOLUTION_MS) {
      key.lastUsedAt = now;
      await this.keys.update(key.id, { lastUsedAt: now });
    }
    return key;
  }

  /** A revoked or changed key is looked up again on its next request. */
  private forget(id: string): void {
    for (const [hash, { key }] of this.cache) if (key.id === id) this.cache.delete(hash);
  }

  private newKey(name: string, role: Role, secret: string, secretHash: string): ApiKey {
    if (!name.trim())
      throw new DomainError('invalid', CommonErrorCode.VALIDATION_FAILED, 'name must not be empty');
    return Object.assign(new ApiKey(), {
      id: randomUUID(),
      name,
      role,
      prefix: displayPrefix(secret),
      secretHash,
      createdAt: Date.now(),
      lastUsedAt: null,
      revokedAt: null,
    });
  }
}
