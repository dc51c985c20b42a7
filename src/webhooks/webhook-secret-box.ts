import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppSecretsService } from '../database/app-secrets.service';

const SECRET_NAME = 'webhook-secrets';
const VERSION = 'v1';

/**
 * Webhook secrets at rest: AES-256-GCM under a key derived from the installation's
 * `webhook-secrets` app secret. HMAC verification needs the secret itself, so it cannot be
 * hashed like an API key; encrypted, a copy of the webhook tables alone reveals none.
 */
@Injectable()
export class WebhookSecretBox {
  constructor(private readonly appSecrets: AppSecretsService) {}

  async seal(secret: string): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.key(), iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  async open(sealed: string): Promise<string> {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION) throw new Error('unknown webhook secret format');
    const decipher = createDecipheriv('aes-256-gcm', await this.key(), fromBase64(iv));
    decipher.setAuthTag(fromBase64(tag));
    return Buffer.concat([decipher.update(fromBase64(body)), decipher.final()]).toString('utf8');
  }

  private async key(): Promise<Buffer> {
    return createHash('sha256')
      .update(`halo-webhooks:${await this.appSecrets.get(SECRET_NAME)}`)
      .digest();
  }
}

/** A secret Halo generates for a sender or a receiver: shown once. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function fromBase64(part: string): Buffer {
  return Buffer.from(part, 'base64url');
}
