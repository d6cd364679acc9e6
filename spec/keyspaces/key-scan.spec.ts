// Keyspace.scanIds(): every id of a keyspace on its own connection, honouring custom key templates,
// escaping glob characters of the prefix, matching ids with `match`; static, so no pipe is involved.
import { expect } from 'chai';
import { StringKeyspace } from '../../lib/keyspaces/index.js';
import { pipeline } from '../../lib/pipeline/index.js';
import { uniqueKey } from '../harness/index.js';
import { NAMED, useServers } from './collections-support.js';
import { collectSorted, templated } from './key-support.js';

/** A StringKeyspace class with this exact prefix (and optional template / connection). */
function strings(keyspace: string, options: { template?: (ks: string, id: string) => string; connection?: string } = {}): typeof StringKeyspace<string> {
  return class extends StringKeyspace {
    static override keyspace = keyspace;
    static override keyTemplate = options.template ?? StringKeyspace.keyTemplate;
    static override connection = options.connection;
  };
}

/** Writes `value` for each id through the class, in one pipeline. */
async function writeAll(cls: typeof StringKeyspace<string>, ids: readonly string[]): Promise<void> {
  const pipe = pipeline();
  for (const id of ids) new cls(id, pipe).set(`v-${id}`);
  await pipe.execute();
}

describe('Keyspace.scanIds()', () => {
  const servers = useServers();

  it('yields the id of every record (300 of them, unicode too) and nothing of a keyspace whose prefix extends it', async () => {
    const prefix = uniqueKey('Scan');
    const S = strings(prefix);
    const Longer = strings(`${prefix}0`);
    const ids = Array.from({ length: 300 }, (_, i) => `id-${i}`).concat(['é ✓', 'with:colon', 'a b']);
    await writeAll(S, ids);
    await writeAll(Longer, ['1', '2']);
    expect(await servers.primary.exists(`${prefix}{id-7}`)).to.equal(1);
    expect(await collectSorted(S.scanIds())).to.deep.equal([...ids].sort());
    expect(await collectSorted(S.scanIds({ count: 1000 }))).to.deep.equal([...ids].sort());
    expect(await collectSorted(Longer.scanIds())).to.deep.equal(['1', '2']);
  });

  it('honours a custom key template: keys `${keyspace}:${id}:v`, foreign suffixes skipped', async () => {
    const prefix = uniqueKey('Tpl');
    const S = strings(prefix, { template: (ks, id) => `${ks}:${id}:v` });
    await writeAll(S, ['1', 'two', 'x:y']);
    await servers.primary.set(`${prefix}:3:w`, 'foreign');
    await servers.primary.set(`${prefix}{4}`, 'foreign');
    expect(await servers.primary.get(`${prefix}:two:v`)).to.equal('v-two');
    expect(S.redisKey('x:y')).to.equal(`${prefix}:x:y:v`);
    expect(S.idFromKey(`${prefix}:x:y:v`)).to.equal('x:y');
    expect(await collectSorted(S.scanIds())).to.deep.equal(['1', 'two', 'x:y']);
    const L = templated(prefix, (ks, id) => `${ks}:${id}:w`);
    expect(await collectSorted(L.scanIds())).to.deep.equal(['3']);
  });

  it('escapes glob characters of the prefix (`a*[b]?\\`): finds its own keys and only those', async () => {
    const prefix = uniqueKey('a*[b]?\\');
    const S = strings(prefix);
    await writeAll(S, ['1', '2']);
    // A key the unescaped pattern would match (`*` → ZZ, `[b]` → b, `?` → Q, `\\:` → :); the unescaped
    // pattern would also miss the real keys, so finding them shows the prefix was escaped.
    const decoy = prefix.replace('*[b]?\\', 'ZZbQ');
    expect(decoy).to.not.equal(prefix);
    await servers.primary.set(`${decoy}{9}`, 'decoy');
    const unescaped: string[] = [];
    for await (const keys of servers.primary.scanStream({ match: `${prefix}{*}`, count: 1000 })) unescaped.push(...(keys as string[]));
    expect(unescaped, 'the premise: an unescaped prefix finds the decoy, not the records').to.deep.equal([`${decoy}{9}`]);
    expect(await servers.primary.exists(`${prefix}{1}`)).to.equal(1);
    expect(await collectSorted(S.scanIds())).to.deep.equal(['1', '2']);
    expect(await collectSorted(S.scanIds({ match: '2' }))).to.deep.equal(['2']);
  });

  it('match is a glob on ids (not keys)', async () => {
    const S = strings(uniqueKey('Match'));
    await writeAll(S, ['user1', 'user2', 'user10', 'admin1', 'us*r']);
    expect(await collectSorted(S.scanIds({ match: 'user*' }))).to.deep.equal(['user1', 'user10', 'user2']);
    expect(await collectSorted(S.scanIds({ match: 'user[12]' }))).to.deep.equal(['user1', 'user2']);
    expect(await collectSorted(S.scanIds({ match: '*1' }))).to.deep.equal(['admin1', 'user1']);
    expect(await collectSorted(S.scanIds({ match: 'us\\*r' }))).to.deep.equal(['us*r']);
    expect(await collectSorted(S.scanIds({ match: 'nobody*' }))).to.deep.equal([]);
  });

  it('is static: it runs while an instance holds queued commands on a pipe, and leaves that pipe alone', async () => {
    const S = strings(uniqueKey('Static'));
    await writeAll(S, ['a', 'b']);
    const pipe = pipeline();
    const pending = new S('c', pipe).set('later');
    expect(await collectSorted(S.scanIds())).to.deep.equal(['a', 'b']);
    expect(pipe.size).to.equal(1);
    expect(pending.ready).to.equal(false);
    await pipe.execute();
    expect(await collectSorted(S.scanIds())).to.deep.equal(['a', 'b', 'c']);
  });

  it('scans the class’s named connection (the secondary server), not the default one', async () => {
    const prefix = uniqueKey('Named');
    const OnNamed = strings(prefix, { connection: NAMED });
    const OnDefault = strings(prefix);
    await writeAll(OnNamed, ['s1', 's2']);
    await writeAll(OnDefault, ['p1']);
    expect(await servers.secondary.exists(`${prefix}{s1}`)).to.equal(1);
    expect(await servers.primary.exists(`${prefix}{s1}`)).to.equal(0);
    expect(await collectSorted(OnNamed.scanIds())).to.deep.equal(['s1', 's2']);
    expect(await collectSorted(OnDefault.scanIds())).to.deep.equal(['p1']);
  });
});
