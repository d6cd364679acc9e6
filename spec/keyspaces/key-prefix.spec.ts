// Keyspaces and models on an ioredis client made with `keyPrefix`: ioredis prefixes every key argument,
// so writes land under the prefix exactly once; redpipe adds the prefix to SCAN MATCH patterns (escaped
// as a glob literal) and strips it from keys in replies (SCAN, BLPOP/BRPOP, BZPOPMIN/BZPOPMAX) before
// reading ids back. Keys without the client's prefix are foreign: never yielded.
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import {
  connect, Entity, Field, HashedStringKeyspace, HashKeyspace, Integer, ListKeyspace, Model, pipeline, Repository,
  reset, SetKeyspace, SortedSetKeyspace, StringKeyspace, Text, type Pipeline,
} from '../../lib/index.js';
import { keyPrefixOf, stripKeyPrefix } from '../../lib/pipeline/connections.js';
import { newClient, uniqueKey } from '../harness/index.js';
import { collectSorted } from './key-support.js';

/** The connection bound to a client whose prefix is full of glob characters. */
const GLOBBY = 'key-prefix-globby';

/** Runs `build` on a pipeline (executed) or, without one, each call its own round trip. */
async function both<T>(pipelined: boolean, build: (pipe: Pipeline | undefined) => { promise: Promise<T> }[]): Promise<T[]> {
  const pipe = pipelined ? pipeline() : undefined;
  const deferreds = build(pipe);
  if (pipe) await pipe.execute();
  return Promise.all(deferreds.map((d) => d.promise));
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('keyspaces on a client with an ioredis keyPrefix', () => {
  let prefix: string;
  let globPrefix: string;
  let raw: Redis;

  before(() => {
    prefix = `${uniqueKey('app')}:`;
    globPrefix = `${uniqueKey('g*[ab]?\\^')}:`;
    raw = newClient('primary');
  });
  beforeEach(() => {
    reset();
    connect(newClient('primary', { keyPrefix: prefix }));
    connect(newClient('primary', { keyPrefix: globPrefix }), GLOBBY);
  });
  after(() => reset());

  it('keyPrefixOf and stripKeyPrefix: the client\'s prefix (\'\' without one), removed from string and Buffer keys', () => {
    expect(keyPrefixOf(newClient('primary', { keyPrefix: 'p:' }))).to.equal('p:');
    expect(keyPrefixOf(newClient('primary'))).to.equal('');
    expect(stripKeyPrefix('p:', 'p:F{1}')).to.equal('F{1}');
    expect(stripKeyPrefix('p:', 'q:F{1}')).to.equal(undefined);
    expect(stripKeyPrefix('p:', 'F{1}')).to.equal(undefined);
    expect(stripKeyPrefix('', 'F{1}')).to.equal('F{1}');
    expect(stripKeyPrefix('é:', Buffer.from('é:F{1}'))).to.deep.equal(Buffer.from('F{1}'));
    expect(stripKeyPrefix('é:', Buffer.from('e:F{1}'))).to.equal(undefined);
  });

  it('writes land under the prefix exactly once: alone, pipelined, in a transaction, nested, in scripts', async () => {
    const ks = uniqueKey('F');
    class F extends SortedSetKeyspace {
      static override keyspace = ks;
    }
    await new F('1').zadd('a', 1).promise;
    const pipe = pipeline();
    new F('2', pipe).zadd('b', 2);
    const nested = pipeline(pipe);
    new F('3', nested).zadd('c', 3);
    await nested.execute();
    await pipe.execute();
    const multi = pipeline(undefined, { transaction: true });
    new F('4', multi).zadd('d', 4);
    await multi.execute();
    const script = new F('1').eval<string[]>("return redis.call('zrange', KEYS[1], 0, -1)");
    expect(await script.promise).to.deep.equal(['a']);
    for (const [id, member] of [['1', 'a'], ['2', 'b'], ['3', 'c'], ['4', 'd']]) {
      expect(await raw.zrange(`${prefix}${ks}{${id}}`, 0, -1), `${prefix}${ks}{${id}}`).to.deep.equal([member]);
      expect(await raw.exists(`${ks}{${id}}`, `${prefix}${prefix}${ks}{${id}}`)).to.equal(0);
    }
    expect(await new F('4').zscore('d').promise).to.equal(4);
  });

  it('scanIds finds exactly the ids written through the prefixed client, not the same keys without or with another prefix', async () => {
    const ks = uniqueKey('S');
    class S extends StringKeyspace {
      static override keyspace = ks;
    }
    const ids = Array.from({ length: 120 }, (_, i) => `id-${i}`).concat(['é ✓', 'x:y', 'a*b']);
    const pipe = pipeline();
    for (const id of ids) new S(id, pipe).set(`v-${id}`);
    await pipe.execute();
    await raw.set(`${ks}{unprefixed}`, 'x'); // the same keyspace without the client's prefix: foreign
    await raw.set(`other:${ks}{elsewhere}`, 'x');
    await raw.set(`${prefix}${ks}x{1}`, 'x'); // a keyspace extending ours under the prefix
    expect(await collectSorted(S.scanIds())).to.deep.equal([...ids].sort());
    expect(await collectSorted(S.scanIds({ count: 1000 }))).to.deep.equal([...ids].sort());
    expect(await collectSorted(S.scanIds({ match: 'id-1?' }))).to.deep.equal(
      ['id-10', 'id-11', 'id-12', 'id-13', 'id-14', 'id-15', 'id-16', 'id-17', 'id-18', 'id-19']);
    expect(await collectSorted(S.scanIds({ match: 'a\\*b' }))).to.deep.equal(['a*b']);
  });

  it('scanIds escapes glob characters of the client\'s prefix and honours a custom key template', async () => {
    const ks = uniqueKey('T');
    class T extends StringKeyspace {
      static override keyspace = ks;
      static override connection = GLOBBY;
      static override keyTemplate = (keyspace: string, id: string) => `${keyspace}:${id}:v`;
    }
    await both(false, () => [new T('1').set('a'), new T('2').set('b')]);
    expect(await raw.get(`${globPrefix}${ks}:1:v`)).to.equal('a');
    // a prefix that the unescaped glob would match too
    const lookalike = globPrefix.replace('[ab]', 'a');
    await raw.set(`${lookalike}${ks}:3:v`, 'x');
    expect(await collectSorted(T.scanIds())).to.deep.equal(['1', '2']);
  });

  for (const pipelined of [false, true]) {
    const how = pipelined ? 'pipelined' : 'one round trip per call';

    it(`blpop and brpop answer ids read back through the prefix (${how})`, async () => {
      class L extends ListKeyspace {
        static override keyspace = uniqueKey('BL');
      }
      await raw.rpush(`${prefix}${L.keyspace}{1}`, 'a', 'b');
      await raw.rpush(`${prefix}${L.keyspace}{3}`, 'z');
      const popped = await both(pipelined, (pipe) => {
        const l = new L('1', pipe);
        return [l.blpop(0.1), l.brpop(0.1, '2'), new L('2', pipe).blpop(0.1, ['9', '3']), l.blpop(0.1, ['2', '3'])];
      });
      expect(popped).to.deep.equal([['1', 'a'], ['1', 'b'], ['3', 'z'], null]);
    });

    it(`bzpopmin and bzpopmax answer ids read back through the prefix (${how})`, async () => {
      class Z extends SortedSetKeyspace {
        static override keyspace = uniqueKey('BZ');
      }
      await raw.zadd(`${prefix}${Z.keyspace}{1}`, 1, 'a', 2, 'b');
      await raw.zadd(`${prefix}${Z.keyspace}{3}`, 5, 'z');
      const popped = await both(pipelined, (pipe) => {
        const z = new Z('1', pipe);
        return [z.bzpopmin(0.1), z.bzpopmax(0.1, '2'), new Z('2', pipe).bzpopmin(0.1, ['9', '3']), z.bzpopmax(0.1, ['2'])];
      });
      expect(popped).to.deep.equal([['1', 'a', 1], ['1', 'b', 2], ['3', 'z', 5], null]);
    });
  }

  it('HashedStringKeyspace writes its shards under the prefix; scan, scanIds and mget read them back', async () => {
    class Emails extends HashedStringKeyspace {
      static override keyspace = uniqueKey('E');
      static override shardCount = 8;
    }
    const keys = ['user@x.com', 'alice@x.com', 'bob@y.org', '{braces}@x.com'];
    const pipe = pipeline();
    keys.forEach((key, i) => new Emails(key, pipe).set(String(1000 + i)));
    await pipe.execute();
    const user = new Emails('user@x.com');
    expect(await raw.hget(`${prefix}${user.key}`, 'user@x.com')).to.equal('1000');
    expect(await raw.exists(user.key)).to.equal(0);
    expect((await collect(Emails.scan())).sort()).to.deep.equal(keys.map((key, i) => [key, String(1000 + i)]).sort());
    expect(await collectSorted(Emails.scanIds({ match: '*@x.com' }))).to.deep.equal(['alice@x.com', 'user@x.com', '{braces}@x.com']);
    expect(await user.mget(['bob@y.org', 'nobody']).promise).to.deep.equal(['1000', '1002', null]);
  });

  it('sscan, zscan and hscan page through the prefixed key', async () => {
    class Tags extends SetKeyspace {
      static override keyspace = uniqueKey('ST');
    }
    class Board extends SortedSetKeyspace<string> {
      static override keyspace = uniqueKey('ZB');
    }
    class Profile extends HashKeyspace<{ name: string; visits: number }> {
      static override keyspace = uniqueKey('HP');
      static override fields = { name: Text, visits: Integer };
    }
    const members = Array.from({ length: 300 }, (_, i) => `m${i}`);
    await both(false, () => [
      new Tags('1').sadd(members),
      new Board('1').zadd(Object.fromEntries(members.map((m, i) => [m, i]))),
      new Profile('1').hset({ name: 'Ada', visits: 3 }),
    ]);
    expect(await raw.scard(`${prefix}${Tags.keyspace}{1}`)).to.equal(300);
    expect((await collect(new Tags('1').sscan({ count: 50 }))).sort()).to.deep.equal([...members].sort());
    expect(await collect(new Tags('1').sscan({ match: 'm29?' }))).to.have.members(
      ['m290', 'm291', 'm292', 'm293', 'm294', 'm295', 'm296', 'm297', 'm298', 'm299']);
    const scored = await collect(new Board('1').zscan({ count: 50 }));
    expect(scored.length).to.equal(300);
    expect(new Map(scored).get('m42')).to.equal(42);
    expect((await collect(new Profile('1').hscan())).sort()).to.deep.equal([['name', 'Ada'], ['visits', 3]]);
  });

  it('models: records are stored under the prefix; Repository.scanIds() and scan() find them', async () => {
    const ks = uniqueKey('U');
    @Model(ks)
    class User extends Entity {
      id!: string;
      @Field(Text, { required: true }) name!: string;
      @Field(Integer) visits?: number;
    }
    const users = new Repository(User);
    const ids = Array.from({ length: 150 }, (_, i) => `u${i}`);
    const pipe = pipeline();
    for (const id of ids) users.save(users.create({ id, name: `n-${id}`, visits: 1 }), pipe);
    await pipe.execute();
    await raw.hset(`${ks}{foreign}`, 'name', 'no prefix: not ours');
    expect(await raw.hget(`${prefix}${ks}{u7}`, 'name')).to.equal('n-u7');
    expect(await collectSorted(users.scanIds({ count: 40 }))).to.deep.equal([...ids].sort());
    const seen = new Map<string, User>();
    for await (const user of users.scan({ match: 'u1*', count: 20 })) seen.set(user.id, user);
    expect([...seen.keys()].sort()).to.deep.equal(ids.filter((id) => id.startsWith('u1')).sort());
    expect(seen.get('u12')).to.be.instanceOf(User);
    expect(seen.get('u12')!.name).to.equal('n-u12');
  });
});
