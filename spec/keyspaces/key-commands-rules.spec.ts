// The base class's rules, counted through a round-trip proxy: EVALSHA's NOSCRIPT fallback, refused
// expire options and bad ids (thrown when queued, nothing sent), a class without a prefix, batch() pooling
// calls into one round trip, and the key commands on every other keyspace class this package exports.
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import * as keyspaces from '../../lib/keyspaces/index.js';
import { InvalidArgumentError, InvalidIdError, Keyspace, KeyspaceDefinitionError, StringKeyspace } from '../../lib/keyspaces/index.js';
import { PipelineError, pipeline, type Deferred, type Pipeline } from '../../lib/pipeline/index.js';
import { newClient, redisEndpoint, uniqueKey } from '../harness/index.js';
import { rejection, thrown, useCountedConnection, type Mode } from './collections-support.js';
import { tinyListKind, TinyListKeyspace } from './key-support.js';
import { rawKey, settle, stringKind } from './string-support.js';

const DEFAULT: Mode = { label: 'default', connection: undefined, which: 'primary', pipelined: false };

describe('Keyspace rules (counted round trips on the default connection)', () => {
  const counted = useCountedConnection();

  /** Expects `call` to throw `type` at once, alone and on a pipe, with nothing queued and nothing sent. */
  async function refused<K>(type: abstract new (...args: never[]) => Error, make: (pipe?: Pipeline) => K, call: (k: K) => unknown) {
    counted.proxy.reset();
    expect(thrown(() => call(make()))).to.be.instanceOf(type);
    const pipe = pipeline();
    expect(thrown(() => call(make(pipe)))).to.be.instanceOf(type);
    expect(pipe.size).to.equal(0);
    await pipe.execute();
    await settle();
    expect(counted.proxy.roundTrips, 'nothing sent').to.equal(0);
  }

  it('eval of a script the server lacks loads it in the same round trip, in order (1 round trip each time)', async () => {
    const S = stringKind(DEFAULT);
    const endpoint = redisEndpoint('primary');
    if (endpoint.owned) {
      // Only on the server this harness started (never on REDIS_URL): start from an empty script cache.
      const admin = newClient('primary');
      expect(await admin.script('FLUSH')).to.equal('OK');
    }
    const script = `-- ${uniqueKey('script')}\nreturn {KEYS[1], KEYS[2], ARGV[1]}`;
    const sha = createHash('sha1').update(script).digest('hex');
    expect(await counted.client.script('EXISTS', sha)).to.deep.equal([0]);
    counted.proxy.reset();
    const first = await new S('1').eval<string[]>(script, { ids: ['2'], args: ['x'] }).promise;
    expect(first).to.deep.equal([rawKey(S, '1'), rawKey(S, '2'), 'x']);
    expect(counted.proxy.roundTrips, 'SCRIPT LOAD and EVALSHA together').to.equal(1);
    expect(await counted.client.script('EXISTS', sha)).to.deep.equal([1]);
    counted.proxy.reset();
    const pipe = pipeline();
    const again = new S('3', pipe).eval<string[]>(script, { ids: ['4'], args: ['y'] });
    const other = new S('3', pipe).exists();
    await pipe.execute();
    expect(again.result).to.deep.equal([rawKey(S, '3'), rawKey(S, '4'), 'y']);
    expect(other.result).to.equal(false);
    expect(counted.proxy.roundTrips, 'cached: one round trip').to.equal(1);
  });

  it('a script runs in its place in the pipeline: commands after it see its effect', async () => {
    const S = stringKind(DEFAULT);
    if (redisEndpoint('primary').owned) expect(await newClient('primary').script('FLUSH')).to.equal('OK');
    const script = `-- ${uniqueKey('script')}\nreturn redis.call('set', KEYS[1], ARGV[1])`;
    const pipe = pipeline();
    const before = new S('5', pipe).get();
    new S('5', pipe).eval(script, { args: ['set by lua'] });
    const after = new S('5', pipe).get();
    await pipe.execute();
    expect(before.result).to.equal(null);
    expect(after.result).to.equal('set by lua');
  });

  it('a script that does not compile fails its own command with the compile error, not NOSCRIPT', async () => {
    const S = stringKind(DEFAULT);
    const pipe = pipeline();
    const bad = new S('6', pipe).eval(`-- ${uniqueKey('broken')}\nreturn (`);
    const good = new S('6', pipe).exists();
    const error = await rejection(pipe.execute());
    expect(error).to.be.instanceOf(PipelineError);
    expect(thrown(() => bad.result).message).to.match(/Error compiling script/);
    expect(thrown(() => bad.result).message).not.to.include('NOSCRIPT');
    expect(good.result).to.equal(false);
  });

  it('evalsha of an unknown sha fails that command with NOSCRIPT (no fallback without the script)', async () => {
    const S = stringKind(DEFAULT);
    const pipe = pipeline();
    const bad = new S('1', pipe).evalsha('0'.repeat(40));
    const good = new S('1', pipe).exists();
    const error = await rejection(pipe.execute());
    expect(error).to.be.instanceOf(PipelineError);
    expect(thrown(() => bad.result).message).to.include('NOSCRIPT');
    expect(good.result).to.equal(false);
  });

  it('refused expire conditions: nx+xx, nx+gt, nx+lt, gt+lt, three at once; non-integer times; an invalid Date', async () => {
    const S = stringKind(DEFAULT);
    const make = (pipe?: Pipeline) => new S('1', pipe);
    await refused(InvalidArgumentError, make, (s) => s.expire(10, { nx: true, xx: true }));
    await refused(InvalidArgumentError, make, (s) => s.expire(10, { nx: true, gt: true }));
    await refused(InvalidArgumentError, make, (s) => s.pexpire(10, { nx: true, lt: true }));
    await refused(InvalidArgumentError, make, (s) => s.expireat(10, { gt: true, lt: true }));
    await refused(InvalidArgumentError, make, (s) => s.pexpireat(10, { xx: true, gt: true, lt: true }));
    await refused(InvalidArgumentError, make, (s) => s.expire(1.5));
    await refused(InvalidArgumentError, make, (s) => s.pexpire(Number.NaN));
    await refused(InvalidArgumentError, make, (s) => s.expireat(new Date('invalid')));
    await refused(InvalidArgumentError, make, (s) => s.restore(Buffer.alloc(0), { ttl: 0.5 }));
    await refused(InvalidArgumentError, make, (s) => s.sort({ limit: { offset: 0.5, count: 1 } }));
  });

  it('bad ids (non-string, empty, braces) are refused with InvalidIdError when queued, nothing sent', async () => {
    const S = stringKind(DEFAULT);
    for (const id of [1, null, undefined, {}, '', '{', '}', 'a{b}', 'x}'] as unknown as string[]) {
      await refused(InvalidIdError, (pipe) => new S(id, pipe), (s) => s.get());
      expect(thrown(() => new S(id)).message).to.include(String(S.keyspace));
      expect(thrown(() => S.redisKey(id))).to.be.instanceOf(InvalidIdError);
    }
    const make = (pipe?: Pipeline) => new S('ok', pipe);
    await refused(InvalidIdError, make, (s) => s.rename(''));
    await refused(InvalidIdError, make, (s) => s.renamenx('{x}'));
    await refused(InvalidIdError, make, (s) => s.sortStore(3 as unknown as string));
    await refused(InvalidIdError, make, (s) => s.eval('return 1', { ids: ['fine', '}'] }));
    await refused(InvalidIdError, make, (s) => s.evalsha('0'.repeat(40), { ids: [''] }));
  });

  it('a class without static keyspace is refused with KeyspaceDefinitionError (instances, redisKey, scanIds)', async () => {
    class NoPrefixKeyspace extends StringKeyspace {}
    class EmptyPrefixKeyspace extends TinyListKeyspace {
      static override keyspace = '';
    }
    for (const cls of [NoPrefixKeyspace, EmptyPrefixKeyspace]) {
      expect(thrown(() => new cls('1'))).to.be.instanceOf(KeyspaceDefinitionError);
      expect(thrown(() => cls.redisKey('1')).message).to.include(cls.name).and.include('keyspace');
      expect(await rejection(cls.scanIds().next())).to.be.instanceOf(KeyspaceDefinitionError);
    }
    class TwiceKeyspace extends TinyListKeyspace {
      static override keyspace = 'T';
      static override keyTemplate = (keyspace: string, id: string) => `${keyspace}:${id}:${id}`;
    }
    expect(await rejection(TwiceKeyspace.scanIds().next())).to.be.instanceOf(KeyspaceDefinitionError);
    await settle();
    expect(counted.proxy.roundTrips).to.equal(0);
  });

  it('batch() pools several calls on one instance into one round trip, or hands them to the pipe', async () => {
    const S = stringKind(DEFAULT);
    const s = new S('1');
    const [set, expire, value, ttl] = s.batch((x) => [x.set('v'), x.expire(100), x.get(), x.ttl()] as const);
    expect(await Promise.all([set.promise, expire.promise, value.promise, ttl.promise])).to.deep.equal([true, true, 'v', 100]);
    expect(counted.proxy.roundTrips).to.equal(1);
    counted.proxy.reset();
    const pipe = pipeline();
    const p = new S('2', pipe);
    const results: Deferred<unknown>[] = p.batch((x) => [x.set('w'), x.append('!'), x.get()]);
    const outside = new S('3', pipe).exists();
    await settle();
    expect(counted.proxy.roundTrips, 'nothing sent before the pipe executes').to.equal(0);
    expect(pipe.size).to.equal(4);
    await pipe.execute();
    expect(results.map((d) => d.result)).to.deep.equal([true, 2, 'w!']);
    expect(outside.result).to.equal(false);
    expect(counted.proxy.roundTrips).to.equal(1);
    expect(p.pipe).to.equal(pipe);
    counted.proxy.reset();
    expect(thrown(() => s.batch((x) => {
      x.set('lost');
      throw new Error('boom');
    })).message).to.equal('boom');
    await settle();
    expect(counted.proxy.roundTrips, 'a throwing batch sends nothing').to.equal(0);
    expect(await counted.client.get(rawKey(S, '1'))).to.equal('v');
  });

  // Key commands on each other keyspace class this package exports (those written so far) and on a tiny
  // list keyspace made directly on the base class.
  const kinds: { name: string; type: string; create: (key: string) => Promise<unknown> }[] = [
    { name: 'HyperLogLogKeyspace', type: 'string', create: (key) => counted.client.pfadd(key, 'a') },
    { name: 'HashKeyspace', type: 'hash', create: (key) => counted.client.hset(key, 'f', 'v') },
    { name: 'SetKeyspace', type: 'set', create: (key) => counted.client.sadd(key, 'a') },
    { name: 'ListKeyspace', type: 'list', create: (key) => counted.client.rpush(key, 'a') },
    { name: 'SortedSetKeyspace', type: 'zset', create: (key) => counted.client.zadd(key, 1, 'a') },
  ];
  const exported = keyspaces as unknown as Record<string, unknown>;
  const present = kinds.flatMap((kind) => {
    const cls = exported[kind.name];
    return typeof cls === 'function' && cls.prototype instanceof Keyspace ? [{ ...kind, cls: cls as typeof Keyspace }] : [];
  });
  const local = { name: 'a local subclass of Keyspace', type: 'list', create: (key: string) => counted.client.rpush(key, 'a'), cls: TinyListKeyspace as typeof Keyspace };
  for (const kind of [...present, local]) {
    it(`key commands on ${kind.name}: type, exists, expire / ttl, persist, rename, dump / restore, delete`, async () => {
      const K = kind.cls === TinyListKeyspace ? tinyListKind(DEFAULT) : class extends kind.cls {
        static override keyspace = uniqueKey('K');
      };
      await kind.create(rawKey(K, '1'));
      const pipe = pipeline();
      const k1 = new K('1', pipe);
      const [type, exists, expire, ttl, persist, renamed, dump] = [
        k1.type(), k1.exists(), k1.expire(100), k1.ttl(), k1.persist(), k1.rename('2'), new K('2', pipe).dump(),
      ] as const;
      await pipe.execute();
      expect([type.result, exists.result, expire.result, ttl.result, persist.result, renamed.result]).to.deep.equal([kind.type, true, true, 100, true, undefined]);
      const bytes = dump.result as Buffer;
      const [restored, copyType, deleted, gone] = [new K('3').restore(bytes), new K('3').type(), new K('2').delete(), new K('2').exists()];
      expect([await restored.promise, await copyType.promise, await deleted.promise, await gone.promise]).to.deep.equal([undefined, kind.type, 1, false]);
      expect(await counted.client.type(rawKey(K, '3'))).to.equal(kind.type);
    });
  }
});
