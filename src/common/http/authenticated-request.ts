import { Request } from 'express';

/**
 * A request the API key guard let through, with the key it authenticated. Shared here so that
 * code beside auth (the idempotency interceptor, the dashboard's session) reads the key
 * without importing auth; auth and the dashboard give the key's full type (`ApiKey`).
 */
export type AuthenticatedRequest<Key extends { id: string } = { id: string }> = Request & {
  apiKey?: Key;
};
