import { AppSecretsService } from '../database/app-secrets.service';
import { WebhookSecretBox, generateWebhookSecret } from './webhook-secret-box';

const appSecrets = (value: string) =>
  ({ get: () => Promise.resolve(value) }) as unknown as AppSecretsService;

describe('WebhookSecretBox', () => {
  it('seals a secret so that only the same installation secret opens it', async () => {
    const box = new WebhookSecretBox(appSecrets('installation-one'));
    const secret = generateWebhookSecret();
    const sealed = await box.seal(secret);
    expect(sealed).not.toContain(secret);
    expect(await box.open(sealed)).toBe(secret);
    expect(await box.seal(secret)).not.toBe(sealed);
    await expect(
      new WebhookSecretBox(appSecrets('installation-two')).open(sealed),
    ).rejects.toThrow();
  });
});
