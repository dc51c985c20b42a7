import { AppSecretsService } from '../database/app-secrets.service';
import { ErasureTombstones } from './erasure-tombstones';
import { DataSource, FindOptionsWhere } from 'typeorm';
import { buildMember } from '../../test/support/factories';
import { createInMemoryDataSource } from '../../test/support/in-memory-database';
import { CreateMemberDto } from './dto/create-member.dto';
import { IdentitiesService } from './identities.service';
import { Member } from './member.entity';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';
import * as referralCodes from './referral-code';

const memberInput = (overrides: Partial<CreateMemberDto> = {}) =>
  buildMember(overrides) as CreateMemberDto;

describe('MembersService on an in-memory database', () => {
  let dataSource: DataSource;
  let repository: MembersRepository;
  let members: MembersService;

  beforeAll(async () => {
    dataSource = await createInMemoryDataSource();
  });
  afterAll(() => dataSource.destroy());
  beforeEach(() => {
    repository = new MembersRepository(dataSource);
    members = new MembersService(
      repository,
      new ErasureTombstones(dataSource, new AppSecretsService(dataSource)),
    );
  });

  const count = (where: FindOptionsWhere<Member>) =>
    dataSource.getRepository(Member).countBy(where);

  describe('referral codes', () => {
    afterEach(() => jest.restoreAllMocks());

    it('draws a code again when a stored member has it or the same batch gives it twice', async () => {
      const stored = await members.create(memberInput({ name: 'Ada' }));
      const draws = [stored.member.referralCode, 'ADA-AAAAAA', 'ADA-AAAAAA', 'ADA-BBBBBB'];
      jest
        .spyOn(referralCodes, 'generateReferralCode')
        .mockImplementation(() => draws.shift() ?? 'ADA-CCCCCC');
      const rows = [memberInput({ name: 'Ada' }), memberInput({ name: 'Ada' })];
      await dataSource.transaction(async (manager) => {
        const plan = await members.planBatch(manager, rows);
        for (const row of rows) expect(await plan.decide(row)).toBe('created');
        await plan.flush(manager);
      });
      const codes = (await dataSource.getRepository(Member).find()).map(
        (member) => member.referralCode,
      );
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes).toEqual(expect.arrayContaining(['ADA-AAAAAA', 'ADA-BBBBBB']));
    });
  });

  describe('create, idempotent on externalId', () => {
    it('creates a member with its tags, then answers the same content as unchanged', async () => {
      const input = memberInput({ tags: ['vip', ' vip ', 'early'] });
      const first = await members.create(input);
      const again = await members.create({ ...input, tags: ['early', 'vip'] });
      expect(first.outcome).toBe('created');
      expect(first.member.tags.map((tag) => tag.tag)).toEqual(['vip', 'early']);
      expect(again).toMatchObject({ outcome: 'unchanged', member: { id: first.member.id } });
      expect(await count({ externalId: input.externalId })).toBe(1);
    });

    it('refuses the same externalId with another name as a 409 on externalId', async () => {
      const input = memberInput();
      await members.create(input);
      await expect(members.create({ ...input, name: 'Someone else' })).rejects.toMatchObject({
        kind: 'conflict',
        code: 'MEMBER_EXISTS',
        details: [{ field: 'externalId' }],
      });
    });

    it('refuses the same externalId with other tags', async () => {
      const input = memberInput({ tags: ['vip'] });
      await members.create(input);
      await expect(members.create({ ...input, tags: ['vip', 'new'] })).rejects.toMatchObject({
        code: 'MEMBER_EXISTS',
      });
    });

    it("refuses a new externalId with another member's email, whatever its case", async () => {
      const first = memberInput();
      await members.create(first);
      const second = memberInput({ email: (first.email as string).toUpperCase() });
      await expect(members.create(second)).rejects.toMatchObject({
        kind: 'conflict',
        details: [{ field: 'email' }],
      });
      expect(await count({ externalId: second.externalId })).toBe(0);
    });

    it('needs an externalId or an email to recognise the member again', async () => {
      await expect(members.create({ name: 'Nobody' } as CreateMemberDto)).rejects.toMatchObject({
        kind: 'invalid',
        details: [{ field: 'externalId', code: 'required' }],
      });
    });

    it('refuses an acquisition campaign that does not exist, storing nothing', async () => {
      const input = memberInput({ acquisitionCampaignId: '00000000-0000-4000-8000-000000000000' });
      await expect(members.create(input)).rejects.toMatchObject({
        code: 'UNKNOWN_CAMPAIGN',
        details: [{ field: 'acquisitionCampaignId' }],
      });
      expect(await count({ externalId: input.externalId })).toBe(0);
    });
  });

  describe('create, idempotent on email without an externalId', () => {
    it('recognises the email ignoring case and spaces', async () => {
      const email = `Ada.${Date.now()}@Example.com`;
      const first = await members.create({ email, name: 'Ada' } as CreateMemberDto);
      const again = await members.create({
        email: ` ${email.toLowerCase()} `,
        name: 'Ada',
      } as CreateMemberDto);
      expect(first.outcome).toBe('created');
      expect(again).toMatchObject({ outcome: 'unchanged', member: { id: first.member.id } });
    });

    it('refuses the same email with another name as a 409 on email', async () => {
      const email = `grace.${Date.now()}@example.com`;
      await members.create({ email, name: 'Grace' } as CreateMemberDto);
      await expect(
        members.create({ email, name: 'Grace H.' } as CreateMemberDto),
      ).rejects.toMatchObject({ code: 'MEMBER_EXISTS', details: [{ field: 'email' }] });
    });
  });

  describe('a key left on a merged pointer', () => {
    it('answers the survivor when the same content arrives, a 409 naming it otherwise', async () => {
      const survivor = (await members.create(memberInput({ tags: ['vip'] }))).member;
      const pointerInput = memberInput();
      const pointer = (await members.create(pointerInput)).member;
      await repository.update(pointer.id, { mergedIntoId: survivor.id });

      const again = await members.create({ ...pointerInput, tags: ['vip'] });
      expect(again).toMatchObject({ outcome: 'unchanged', member: { id: survivor.id } });
      await expect(members.create({ ...pointerInput, name: 'Renamed' })).rejects.toMatchObject({
        code: 'MEMBER_EXISTS',
        message: expect.stringContaining(survivor.id),
      });
    });
  });

  describe('races on the unique keys', () => {
    // One SQLite connection runs one transaction at a time, so the race is staged: the other
    // writer stores the same key after this writer's last check (the email) and before its insert.
    it('a member stored by another writer between the lookup and the insert: unchanged', async () => {
      const input = memberInput();
      const otherWriter = new MembersService(
        new MembersRepository(dataSource),
        new ErasureTombstones(dataSource, new AppSecretsService(dataSource)),
      );
      let stored: Member | undefined;
      jest.spyOn(repository, 'findByEmail').mockImplementationOnce(async () => {
        stored = (await otherWriter.create(input)).member;
        return null;
      });
      const raced = await members.create(input);
      expect(stored).toBeDefined();
      expect(raced).toMatchObject({ outcome: 'unchanged', member: { id: stored!.id } });
      expect(await count({ externalId: input.externalId })).toBe(1);
    });

    it('the same race with other content ends in a 409, not a second member', async () => {
      const input = memberInput();
      const otherWriter = new MembersService(
        new MembersRepository(dataSource),
        new ErasureTombstones(dataSource, new AppSecretsService(dataSource)),
      );
      jest.spyOn(repository, 'findByEmail').mockImplementationOnce(async () => {
        await otherWriter.create({ ...input, name: 'The other writer' });
        return null;
      });
      await expect(members.create(input)).rejects.toMatchObject({
        code: 'MEMBER_EXISTS',
        details: [{ field: 'externalId' }],
      });
      expect(await count({ externalId: input.externalId })).toBe(1);
    });
  });

  describe('listeners', () => {
    it('run in the transaction of the insert: a failing listener stores no member', async () => {
      members.onMemberCreated(async () => {
        throw new Error('listener failed');
      });
      const input = memberInput({ tags: ['vip'] });
      await expect(members.create(input)).rejects.toThrow('listener failed');
      expect(await count({ externalId: input.externalId })).toBe(0);
    });

    it('hear an objection to profiling in its transaction: a failing listener stores no objection', async () => {
      const { member } = await members.create(memberInput());
      members.onProfilingObjection(async () => {
        throw new Error('objection listener failed');
      });
      await expect(members.update(member.id, { profilingObjection: true })).rejects.toThrow(
        'objection listener failed',
      );
      expect((await members.get(member.id)).profilingObjectionAt).toBeNull();
    });

    it('hear a new objection once, with the member as objecting; not its withdrawal or a repeat', async () => {
      const heard: [string, number | null][] = [];
      members.onProfilingObjection(async (manager, objector) => {
        // Inside the transaction the objection is already written.
        const stored = await manager.findOneByOrFail(Member, { id: objector.id });
        heard.push([objector.id, stored.profilingObjectionAt]);
      });
      const { member } = await members.create(memberInput());
      const objecting = await members.update(member.id, { profilingObjection: true });
      await members.update(member.id, { profilingObjection: true, name: 'Still objecting' });
      await members.update(member.id, { profilingObjection: false });
      expect(heard).toEqual([[member.id, objecting.profilingObjectionAt]]);
      expect(objecting.profilingObjectionAt).toEqual(expect.any(Number));
      // A member created objecting has nothing computed yet: no listener runs.
      await members.create(memberInput({ profilingObjection: true }));
      expect(heard).toHaveLength(1);
    });
  });

  describe('update', () => {
    it('changes the fields given and replaces the tags', async () => {
      const { member } = await members.create(memberInput({ tags: ['vip', 'early'] }));
      const updated = await members.update(member.id, { name: 'New name', tags: ['late'] });
      expect(updated.name).toBe('New name');
      expect(updated.email).toBe(member.email);
      expect(updated.tags.map((tag) => tag.tag)).toEqual(['late']);
    });

    it("refuses another member's email as a 409 on email", async () => {
      const first = (await members.create(memberInput())).member;
      const second = (await members.create(memberInput())).member;
      await expect(members.update(second.id, { email: first.email! })).rejects.toMatchObject({
        code: 'MEMBER_EXISTS',
        details: [{ field: 'email' }],
      });
    });

    it("refuses another member's externalId as a 409 on externalId (the unique index)", async () => {
      const first = (await members.create(memberInput())).member;
      const second = (await members.create(memberInput())).member;
      await expect(
        members.update(second.id, { externalId: first.externalId! }),
      ).rejects.toMatchObject({ code: 'MEMBER_EXISTS', details: [{ field: 'externalId' }] });
    });

    it('answers 404 for an unknown member', async () => {
      await expect(members.update('no-such-member', { name: 'x' })).rejects.toMatchObject({
        kind: 'not_found',
        code: 'MEMBER_NOT_FOUND',
      });
    });
  });
});

describe('IdentitiesService on an in-memory database', () => {
  let dataSource: DataSource;
  let members: MembersService;
  let identities: IdentitiesService;
  let repository: MembersRepository;

  beforeAll(async () => {
    dataSource = await createInMemoryDataSource();
    repository = new MembersRepository(dataSource);
    members = new MembersService(
      repository,
      new ErasureTombstones(dataSource, new AppSecretsService(dataSource)),
    );
    identities = new IdentitiesService(
      repository,
      new ErasureTombstones(dataSource, new AppSecretsService(dataSource)),
    );
  });
  afterAll(() => dataSource.destroy());

  it('adds a handle once: "@Ada" and "ada" on " Instagram " are one identity', async () => {
    const { member } = await members.create(memberInput());
    const first = await identities.add(member.id, ' Instagram ', '@Ada');
    const again = await identities.add(member.id, 'instagram', 'ada');
    expect(first).toMatchObject({
      created: true,
      identity: { platform: 'instagram', handle: 'Ada', handleNormalized: 'ada' },
    });
    expect(again).toMatchObject({ created: false, identity: { id: first.identity.id } });
    expect(await identities.listFor(member.id)).toHaveLength(1);
  });

  it("refuses another member's handle as a 409", async () => {
    const owner = (await members.create(memberInput())).member;
    const other = (await members.create(memberInput())).member;
    await identities.add(owner.id, 'tiktok', 'grace');
    await expect(identities.add(other.id, 'tiktok', '@GRACE')).rejects.toMatchObject({
      code: 'IDENTITY_TAKEN',
      details: [{ field: 'handle' }],
    });
  });

  it('a handle stored by another writer between the lookup and the insert: not created twice', async () => {
    const { member } = await members.create(memberInput());
    const otherWriter = new IdentitiesService(
      new MembersRepository(dataSource),
      new ErasureTombstones(dataSource, new AppSecretsService(dataSource)),
    );
    jest.spyOn(repository, 'findIdentity').mockImplementationOnce(async () => {
      await otherWriter.add(member.id, 'x', 'linus');
      return null;
    });
    const raced = await identities.add(member.id, 'x', 'Linus');
    expect(raced.created).toBe(false);
    expect(await identities.listFor(member.id)).toHaveLength(1);
  });

  it('answers 404 for an unknown member', async () => {
    await expect(identities.add('no-such-member', 'x', 'nobody')).rejects.toMatchObject({
      kind: 'not_found',
    });
  });
});
