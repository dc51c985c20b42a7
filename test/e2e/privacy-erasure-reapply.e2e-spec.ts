import { DataSource } from 'typeorm';
import { erasuresReapplyCommand } from '../../src/cli/erasures-reapply.command';
import { ErasureTombstone } from '../../src/members/erasure-tombstone.entity';
import { Member } from '../../src/members/member.entity';
import { ErasureTombstones, emailKey, handleKey } from '../../src/members/erasure-tombstones';
import { addIdentity, createMember } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

/**
 * Re-applying erasures to restored data (`halo erasures reapply`, also the end of `halo
 * restore`): the data here holds people whose tombstones exist, as after a restore of a backup
 * made before they were erased; each is erased again, on SQLite and PostgreSQL alike.
 */
describe('privacy: erasures re-applied to restored data', () => {
  let test: TestApp;
  let stdout: string;
  const members: Record<string, Record<string, any>> = {};
  const stored = (id: string) =>
    test.app.get(DataSource).getRepository(Member).findOneByOrFail({ id });

  beforeAll(async () => {
    test = await createTestApp();
    members.kept = await createMember(test, { name: 'Kept Person', email: 'kept@restore.example' });
    members.byEmail = await createMember(test, { name: 'Eve Email', email: 'eve@restore.example' });
    members.byHandle = await createMember(test, {
      name: 'Hal Handle',
      email: 'hal@restore.example',
    });
    await addIdentity(test, members.byHandle.id, 'instagram', 'hal_restored');
    members.survivor = await createMember(test, {
      name: 'Sam Survivor',
      email: 'sam@restore.example',
    });
    members.pointer = await createMember(test, {
      name: 'Sam Old',
      email: 'sam.old@restore.example',
    });
    await test
      .http()
      .post(`/api/v1/members/${members.survivor.id}/merge`)
      .set('Authorization', test.keys.manager)
      .send({ otherMemberId: members.pointer.id })
      .expect(200);
    // The tombstones the live database had, carried into the restored data.
    const tombstones = test.app.get(ErasureTombstones);
    await test.app
      .get(DataSource)
      .transaction((manager) =>
        tombstones.record(manager, null as unknown as string, [
          emailKey('EVE@restore.example'),
          handleKey('Instagram', '@Hal_Restored'),
          emailKey('sam.old@restore.example'),
        ]),
      );
  });
  afterAll(() => test.close());
  beforeEach(() => {
    stdout = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('erases each member a tombstone names, a merged pointer through its survivor', async () => {
    expect(await erasuresReapplyCommand(test.app)).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.slice(0, -1).sort()).toEqual(
      [
        `erased member ${members.byEmail.id} (matched by email)`,
        `erased member ${members.byHandle.id} (matched by handle)`,
        `erased member ${members.survivor.id} (matched by email)`,
      ].sort(),
    );
    expect(lines.at(-1)).toBe('3 member(s) erased again; 3 tombstone(s) checked');
    for (const name of ['byEmail', 'byHandle', 'survivor', 'pointer'])
      expect(await stored(members[name].id)).toMatchObject({ email: null, name: null });
    expect(await stored(members.kept.id)).toMatchObject({
      email: 'kept@restore.example',
      name: 'Kept Person',
    });
    const identities = await test
      .http()
      .get(`/api/v1/members/${members.byHandle.id}/identities`)
      .set('Authorization', test.keys.viewer)
      .expect(200);
    expect(identities.body.total).toBe(0);
  });

  it('finds nobody the second time', async () => {
    expect(await erasuresReapplyCommand(test.app)).toBe(0);
    // The erasures added the tombstones of their other keys (externalIds, the survivor's email).
    const count = await test.app.get(DataSource).getRepository(ErasureTombstone).count();
    expect(count).toBeGreaterThan(3);
    expect(stdout).toBe(`0 member(s) erased again; ${count} tombstone(s) checked\n`);
  });
});
