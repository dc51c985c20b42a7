import { id, instant, ref, text } from './table-helpers';
import { index, references, unique } from './table-keys';
import { TablesMigration } from './tables-migration';

/** Dashboard sessions: the cookie holds a token whose SHA-256 is stored here, not the API key. */
export class DashboardSessions1733000030000 extends TablesMigration {
  name = 'DashboardSessions1733000030000';

  protected readonly tables = [
    {
      name: 'dashboard_sessions',
      columns: [
        id(),
        text('token_hash', 64, false),
        text('csrf_hash', 64, false),
        ref('api_key_id'),
        instant('created_at'),
        instant('expires_at'),
        instant('revoked_at', true),
      ],
      indices: [
        unique('uq_dashboard_sessions_token_hash', ['token_hash']),
        index('ix_dashboard_sessions_api_key', ['api_key_id']),
      ],
      foreignKeys: [references('api_key_id', 'api_keys', 'CASCADE')],
    },
  ];
}
