import { DomainError, ErrorDetail } from '../../common/errors/domain-error';
import { WebhooksErrorCode } from '../webhooks-error-code';

export type Payload = Record<string, unknown>;

/** A vendor payload that lacks what Halo needs: 422 naming the field, never a 500. */
export function payloadInvalid(field: string, reason: string): DomainError {
  const detail: ErrorDetail = { field, reason, code: 'payloadInvalid' };
  return new DomainError(
    'unprocessable',
    WebhooksErrorCode.WEBHOOK_PAYLOAD_INVALID,
    `the webhook payload's ${field} ${reason}`,
    [detail],
  );
}

export function asObject(value: unknown, field: string): Payload {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw payloadInvalid(field, 'must be a JSON object');
  return value as Payload;
}

export function objectOrNull(value: unknown): Payload | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Payload)
    : null;
}

export function arrayOf(value: unknown): Payload[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const object = objectOrNull(item);
    return object ? [object] : [];
  });
}

/** An id the vendor sends as a number or a string. */
export function requiredId(payload: Payload, field: string, prefix = ''): string {
  const value = payload[field];
  if ((typeof value === 'number' && Number.isSafeInteger(value)) || isText(value))
    return String(value).trim();
  throw payloadInvalid(`${prefix}${field}`, 'must be an id (a number or a string)');
}

export function optionalId(payload: Payload | null, field: string): string | undefined {
  const value = payload?.[field];
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  return isText(value) ? value.trim() : undefined;
}

export function requiredText(payload: Payload, field: string, prefix = ''): string {
  const value = payload[field];
  if (isText(value)) return value.trim();
  throw payloadInvalid(`${prefix}${field}`, 'must be a non-empty string');
}

export function optionalText(payload: Payload | null, field: string): string | undefined {
  const value = payload?.[field];
  return isText(value) ? value.trim() : undefined;
}

/** A vendor amount: a decimal string or a JSON number, as it was sent. */
export function requiredAmount(payload: Payload, field: string, prefix = ''): string {
  const value = payload[field];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (isText(value)) return value.trim();
  throw payloadInvalid(`${prefix}${field}`, 'must be a decimal amount');
}

/** "Ada" + "Lovelace", or undefined when neither is there. */
export function fullName(first: string | undefined, last: string | undefined): string | undefined {
  const name = [first, last].filter(Boolean).join(' ').trim();
  return name ? name.slice(0, 200) : undefined;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
