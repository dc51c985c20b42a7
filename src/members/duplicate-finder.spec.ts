import { DuplicateFinder, MAX_NAME_BLOCK } from './duplicate-finder';

const member = (id: string, email: string | null, name: string | null, createdAt = 1) => ({
  id,
  email,
  name,
  createdAt,
});

const codes = async (finder: DuplicateFinder) =>
  (await finder.pairs())
    .map((pair) => `${pair.memberId}-${pair.otherMemberId}:${pair.reasons.map((r) => r.code)}`)
    .sort();

describe('DuplicateFinder', () => {
  it('pairs the same mailbox ignoring case, dots and +tags, older member first', async () => {
    const finder = new DuplicateFinder();
    finder.addMember(member('b', 'a.da+x@gmail.com', 'A. L.', 2));
    finder.addMember(member('a', 'ada@gmail.com', 'Someone Else', 1));
    finder.addMember(member('c', 'adam@gmail.com', null));
    const [pair, ...rest] = await finder.pairs();
    expect(rest).toEqual([]);
    expect(pair).toMatchObject({ memberId: 'a', otherMemberId: 'b', confidence: 0.9 });
    expect(pair.reasons.map((reason) => reason.code)).toEqual(['same_email']);
  });

  it('pairs the same handle on different platforms', async () => {
    const finder = new DuplicateFinder();
    finder.addMember(member('a', null, 'Ada'));
    finder.addMember(member('b', null, 'Grace'));
    finder.addHandle('a', 'instagram', 'adalove');
    finder.addHandle('b', 'twitter', 'adalove');
    finder.addHandle('b', 'tiktok', 'other');
    expect(await codes(finder)).toEqual(['a-b:same_handle']);
    expect((await finder.pairs())[0].confidence).toBe(0.7);
  });

  it('needs more than a short shared handle', async () => {
    const finder = new DuplicateFinder();
    finder.addMember(member('a', null, 'Alan Turing'));
    finder.addMember(member('b', null, 'Jon Smith'));
    finder.addMember(member('c', null, 'Alan Turing'));
    finder.addHandle('a', 'instagram', 'alan');
    finder.addHandle('b', 'tiktok', 'alan');
    finder.addHandle('c', 'twitter', 'alan');
    expect(await codes(finder)).toEqual(['a-c:same_handle,similar_name']);
    expect((await finder.pairs())[0].confidence).toBe(0.76);
  });

  it('suggests near-identical names only when distinctive or sharing something else', async () => {
    const finder = new DuplicateFinder();
    finder.addMember(member('a', 'b1@x.com', 'Bartholomew Featherstonehaugh'));
    finder.addMember(member('b', 'b2@y.com', 'Bartholomew Featherstonhaugh'));
    finder.addMember(member('c', 'john@x.com', 'John Smith'));
    finder.addMember(member('d', 'jsmith@y.com', 'John Smyth'));
    finder.addMember(member('e', 'grace@x.com', 'Grace Hopper'));
    finder.addMember(member('f', 'grace@y.com', 'Grace Hoper'));
    expect(await codes(finder)).toEqual([
      'a-b:similar_name',
      'e-f:similar_name,same_email_local_part',
    ]);
  });

  it('adds the name to a stronger reason and combines the confidences', async () => {
    const finder = new DuplicateFinder();
    finder.addMember(member('a', 'ada@gmail.com', 'Ada Lovelace'));
    finder.addMember(member('b', 'a.da@gmail.com', 'Ada Lovelace'));
    const [pair] = await finder.pairs();
    expect(pair.reasons.map((reason) => reason.code)).toEqual(['same_email', 'similar_name']);
    expect(pair.confidence).toBe(0.96);
  });

  it('skips a name word shared by too many members', async () => {
    const finder = new DuplicateFinder();
    for (let index = 0; index <= MAX_NAME_BLOCK; index += 1)
      finder.addMember(member(`m${index}`, null, 'Maximilianus Wolfensteiner'));
    expect(await finder.pairs()).toEqual([]);
  });
});
