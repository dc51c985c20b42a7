/** Emails are unique ignoring case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Handles are unique per platform ignoring case and a leading @. */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

export function normalizePlatform(platform: string): string {
  return platform.trim().toLowerCase();
}
