/**
 * The stable verb of each audited route (`METHOD /route/pattern`), and the body fields that
 * name further records (a merge's other member). A route missing here is still audited, under
 * its method and pattern (`POST /api/v1/things`), so a new route is never left out; adding it
 * here gives it a verb that survives a change of path.
 */
export interface AuditedRoute {
  action: string;
  /** Body fields holding ids of records the act touches; only UUID values are kept. */
  bodyIds?: readonly string[];
}

const records = (path: string, record: string, verbs: { update?: boolean; remove?: string }) => ({
  [`POST ${path}`]: { action: `${record}.create` },
  ...(verbs.update ? { [`PATCH ${path}/:id`]: { action: `${record}.update` } } : {}),
  ...(verbs.remove ? { [`DELETE ${path}/:id`]: { action: `${record}.${verbs.remove}` } } : {}),
});

export const AUDITED_ROUTES: Readonly<Record<string, AuditedRoute>> = {
  ...records('/api/v1/members', 'member', { update: true, remove: 'erase' }),
  'GET /api/v1/members/:id/export': { action: 'member.export' },
  'POST /api/v1/members/:id/merge': { action: 'member.merge', bodyIds: ['otherMemberId'] },
  'POST /api/v1/members/merge-suggestions/dismiss': {
    action: 'mergeSuggestion.dismiss',
    bodyIds: ['memberId', 'otherMemberId'],
  },
  'POST /api/v1/members/:id/identities': { action: 'identity.create' },
  'DELETE /api/v1/members/:id/identities/:identityId': { action: 'identity.delete' },
  ...records('/api/v1/purchases', 'purchase', {}),
  ...records('/api/v1/referrals', 'referral', { update: true, remove: 'delete' }),
  'POST /api/v1/referrals/:id/approve': { action: 'referral.approve' },
  'POST /api/v1/referrals/:id/reject': { action: 'referral.reject' },
  ...records('/api/v1/campaigns', 'campaign', {}),
  ...records('/api/v1/reviews', 'review', { update: true, remove: 'delete' }),
  ...records('/api/v1/mentions', 'mention', { update: true, remove: 'delete' }),
  ...records('/api/v1/feedback', 'feedback', { update: true, remove: 'delete' }),
  ...records('/api/v1/events', 'event', { update: true, remove: 'delete' }),
  'POST /api/v1/events/:id/attendance': { action: 'attendance.create' },
  'PATCH /api/v1/events/:id/attendance/:attendanceId': { action: 'attendance.update' },
  'DELETE /api/v1/events/:id/attendance/:attendanceId': { action: 'attendance.delete' },
  ...records('/api/v1/digests/subscriptions', 'digestSubscription', {
    update: true,
    remove: 'delete',
  }),
  'POST /api/v1/digests/subscriptions/:id/send': { action: 'digest.send' },
  'POST /api/v1/value/recompute': { action: 'value.recompute' },
  'POST /api/v1/import/:type': { action: 'import.create' },
  'DELETE /api/v1/imports/:id': { action: 'import.undo' },
  'POST /api/v1/api-keys': { action: 'apiKey.create' },
  'DELETE /api/v1/api-keys/:id': { action: 'apiKey.revoke' },
  'POST /api/v1/erasure-tombstones/lift': { action: 'tombstone.lift' },
  ...records('/api/v1/webhook-sources', 'webhookSource', { update: true }),
  'POST /api/v1/webhook-sources/:id/rotate-secret': { action: 'webhookSource.rotateSecret' },
  'POST /api/v1/webhooks/:sourceId': { action: 'webhook.receive' },
  ...records('/api/v1/webhook-subscriptions', 'webhookSubscription', {
    update: true,
    remove: 'delete',
  }),
  'POST /api/v1/webhook-subscriptions/:id/rotate-secret': {
    action: 'webhookSubscription.rotateSecret',
  },
  'POST /api/v1/webhook-deliveries/:id/retry': { action: 'webhookDelivery.retry' },
  'POST /api/v1/session': { action: 'session.signIn' },
  'DELETE /api/v1/session': { action: 'session.signOut' },
};

/** The verb of a failed authentication, wherever it happened. */
export const AUTH_FAILED = 'auth.failed';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Writes under /api/v1 are audited, and the reads this table names (an export). */
export function isAudited(method: string, route: string | null): boolean {
  if (route === null || !route.startsWith('/api/v1/')) return false;
  return WRITE_METHODS.has(method) || `${method} ${route}` in AUDITED_ROUTES;
}

/** The route's verb, or its method and pattern when it has none. */
export function auditedRoute(method: string, route: string): AuditedRoute {
  return AUDITED_ROUTES[`${method} ${route}`] ?? { action: `${method} ${route}` };
}
