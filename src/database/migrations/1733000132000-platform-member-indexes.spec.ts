import { PlatformMemberIndexes1733000132000 } from './1733000132000-platform-member-indexes';
import { migratedDatabase } from '../../../test/support/migrated-database';

/** The platform filter's member set (src/advocates/ranking/ranking-sql.ts). */
const PLATFORM_MEMBERS = `SELECT i.member_id FROM identities i WHERE i.platform = 'instagram'
  UNION SELECT n.member_id FROM mentions n WHERE n.platform = 'instagram' AND n.member_id IS NOT NULL`;

describe('PlatformMemberIndexes1733000132000', () => {
  const database = migratedDatabase(PlatformMemberIndexes1733000132000);
  const plan = database.plan;

  beforeAll(() => database.open());
  afterAll(() => database.close());

  it('builds a platform’s members from the indexes alone', async () => {
    const members = await plan(PLATFORM_MEMBERS);
    expect(members).toContain('COVERING INDEX ix_identities_platform_member (platform=?)');
    expect(members).toContain('COVERING INDEX ix_mentions_platform_member (platform=?');
  });

  it('drops the indexes on the way down', async () => {
    await database.dataSource.undoLastMigration();
    expect(await plan(PLATFORM_MEMBERS)).not.toContain('platform_member');
    await database.dataSource.runMigrations();
    expect(await plan(PLATFORM_MEMBERS)).toContain('ix_identities_platform_member');
  });
});
