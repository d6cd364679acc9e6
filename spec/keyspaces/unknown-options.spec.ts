// Options objects are checked key by key: an option a command does not know (a misspelling such as
// `withscores`, `EX`, `withvalues`, or one of another command), or options that are not a plain object,
// throw InvalidArgumentError naming the command, the key and the option (with "did you mean" for a case or
// spelling variant) before anything is queued: the pipe stays empty and nothing reaches Redis.
import { runInNewContext } from 'node:vm';
import { expect } from 'chai';
import {
  HashedStringKeyspace, HashKeyspace, InvalidArgumentError, ListKeyspace, SetKeyspace, SortedSetKeyspace, StringKeyspace,
} from '../../lib/keyspaces/index.js';
import { pipeline, type Pipeline } from '../../lib/pipeline/index.js';
import { rejection, thrown } from '../harness/assertions.js';
import { uniqueKey } from '../harness/index.js';
import { useServers } from '../harness/servers.js';

class Strings extends StringKeyspace {
  static override keyspace = uniqueKey('UOs');
}
class Zs extends SortedSetKeyspace {
  static override keyspace = uniqueKey('UOz');
}
class Lists extends ListKeyspace {
  static override keyspace = uniqueKey('UOl');
}
class Sets extends SetKeyspace {
  static override keyspace = uniqueKey('UOt');
}
class Hashes extends HashKeyspace {
  static override keyspace = uniqueKey('UOh');
}
class Index extends HashedStringKeyspace {
  static override keyspace = uniqueKey('UOe');
}

/** Untyped options, as a JavaScript caller (or `as any`) would pass them. */
const loose = <T>(value: unknown): T => value as T;
const key = (cls: { keyspace: string | undefined }, id: string): string => `${cls.keyspace}{${id}}`;
let ids = 0;
const freshId = (): string => `id${++ids}`;

interface Case {
  readonly label: string;
  /** The command as the message names it (upper case). */
  readonly command: string;
  /** The unknown option the message must name. */
  readonly option: string;
  /** The known option a "did you mean" must suggest; none expected when unset. */
  readonly hint?: string;
  /** The key the message names. */
  readonly key: (id: string) => string;
  /** Makes the instance (on `pipe`, or without one) and calls the method with bad options. */
  readonly call: (id: string, pipe: Pipeline | undefined) => unknown;
  /** Keys that must not exist afterwards (the key named, by default). */
  readonly absent?: (id: string) => string[];
}

const sKey = (id: string): string => key(Strings, id);
const zKey = (id: string): string => key(Zs, id);

const CASES: readonly Case[] = [
  // StringKeyspace
  { label: "set with EX (not 'ex'): no TTL would be set", command: 'SET', option: 'EX', hint: 'ex', key: sKey, call: (id, p) => new Strings(id, p).set('v', loose({ EX: 100 })) },
  { label: 'set with NX next to a good option', command: 'SET', option: 'NX', hint: 'nx', key: sKey, call: (id, p) => new Strings(id, p).set('v', loose({ ex: 100, NX: true })) },
  { label: 'set with a foreign option', command: 'SET', option: 'expire', key: sKey, call: (id, p) => new Strings(id, p).set('v', loose({ expire: 10 })) },
  { label: 'getex with PERSIST', command: 'GETEX', option: 'PERSIST', hint: 'persist', key: sKey, call: (id, p) => new Strings(id, p).getex(loose({ PERSIST: true })) },
  { label: 'bitcount with Unit', command: 'BITCOUNT', option: 'Unit', hint: 'unit', key: sKey, call: (id, p) => new Strings(id, p).bitcount(loose({ start: 0, end: -1, Unit: 'bit' })) },
  { label: 'bitpos with stop (BitPosRange has end)', command: 'BITPOS', option: 'stop', key: sKey, call: (id, p) => new Strings(id, p).bitpos(1, loose({ start: 0, stop: 3 })) },
  // SortedSetKeyspace
  { label: 'zadd with CH', command: 'ZADD', option: 'CH', hint: 'ch', key: zKey, call: (id, p) => new Zs(id, p).zadd('a', 1, loose({ CH: true })) },
  { label: 'zadd of a map with Incr', command: 'ZADD', option: 'Incr', hint: 'incr', key: zKey, call: (id, p) => new Zs(id, p).zadd({ a: 1 }, loose({ Incr: true })) },
  { label: 'zrange with withscores: members without scores', command: 'ZRANGE', option: 'withscores', hint: 'withScores', key: zKey, call: (id, p) => new Zs(id, p).zrange(0, -1, loose({ withscores: true })) },
  { label: 'zrevrange with with_scores', command: 'ZREVRANGE', option: 'with_scores', hint: 'withScores', key: zKey, call: (id, p) => new Zs(id, p).zrevrange(0, -1, loose({ with_scores: true })) },
  { label: 'zrangebyscore with Limit', command: 'ZRANGEBYSCORE', option: 'Limit', hint: 'limit', key: zKey, call: (id, p) => new Zs(id, p).zrangebyscore('-inf', '+inf', loose({ withScores: true, Limit: { offset: 0, count: 1 } })) },
  { label: 'zrevrangebyscore with WITHSCORES', command: 'ZREVRANGEBYSCORE', option: 'WITHSCORES', hint: 'withScores', key: zKey, call: (id, p) => new Zs(id, p).zrevrangebyscore('+inf', '-inf', loose({ WITHSCORES: true })) },
  { label: 'zrangebylex with limits (a spelling variant)', command: 'ZRANGEBYLEX', option: 'limits', hint: 'limit', key: zKey, call: (id, p) => new Zs(id, p).zrangebylex('-', '+', loose({ limits: { offset: 0, count: 1 } })) },
  { label: 'zrangebylex with withScores (not a lex option)', command: 'ZRANGEBYLEX', option: 'withScores', key: zKey, call: (id, p) => new Zs(id, p).zrangebylex('-', '+', loose({ withScores: true })) },
  { label: 'zunion with withscores', command: 'ZUNION', option: 'withscores', hint: 'withScores', key: zKey, call: (id, p) => new Zs(id, p).zunion('other', loose({ withscores: true })) },
  { label: 'zinter with weight', command: 'ZINTER', option: 'weight', hint: 'weights', key: zKey, call: (id, p) => new Zs(id, p).zinter('other', loose({ weight: [1, 1] })) },
  { label: 'zdiff with aggregate (not a ZDIFF option)', command: 'ZDIFF', option: 'aggregate', key: zKey, call: (id, p) => new Zs(id, p).zdiff('other', loose({ withScores: true, aggregate: 'sum' })) },
  { label: 'zunionstore with withScores (a store has no scores to return)', command: 'ZUNIONSTORE', option: 'withScores', key: zKey, call: (id, p) => new Zs(id, p).zunionstore(['other'], loose({ withScores: true })) },
  { label: 'zinterstore with AGGREGATE', command: 'ZINTERSTORE', option: 'AGGREGATE', hint: 'aggregate', key: zKey, call: (id, p) => new Zs(id, p).zinterstore(['other'], loose({ AGGREGATE: 'max' })) },
  { label: 'zrangestore with REV', command: 'ZRANGESTORE', option: 'REV', hint: 'rev', key: zKey, call: (id, p) => new Zs(id, p).zrangestore(`${id}d`, 0, -1, loose({ REV: true })), absent: (id) => [zKey(id), zKey(`${id}d`)] },
  { label: 'zrandmember with withscores', command: 'ZRANDMEMBER', option: 'withscores', hint: 'withScores', key: zKey, call: (id, p) => new Zs(id, p).zrandmember(2, loose({ withscores: true })) },
  // ListKeyspace, SetKeyspace, HashKeyspace
  { label: 'lpos with Rank', command: 'LPOS', option: 'Rank', hint: 'rank', key: (id) => key(Lists, id), call: (id, p) => new Lists(id, p).lpos('a', loose({ Rank: 1 })) },
  { label: 'lpos with maxLen', command: 'LPOS', option: 'maxLen', hint: 'maxlen', key: (id) => key(Lists, id), call: (id, p) => new Lists(id, p).lpos('a', loose({ count: 0, maxLen: 10 })) },
  { label: 'sintercard with LIMIT', command: 'SINTERCARD', option: 'LIMIT', hint: 'limit', key: (id) => key(Sets, id), call: (id, p) => new Sets(id, p).sintercard('other', loose({ LIMIT: 1 })) },
  { label: 'hrandfield with withvalues: members without values', command: 'HRANDFIELD', option: 'withvalues', hint: 'withValues', key: (id) => key(Hashes, id), call: (id, p) => new Hashes(id, p).hrandfield(2, loose({ withvalues: true })) },
  // the key commands every class has (Keyspace)
  { label: 'expire with NX', command: 'EXPIRE', option: 'NX', hint: 'nx', key: sKey, call: (id, p) => new Strings(id, p).expire(100, loose({ NX: true })) },
  { label: 'pexpire with a foreign option', command: 'PEXPIRE', option: 'greater', key: sKey, call: (id, p) => new Strings(id, p).pexpire(100_000, loose({ greater: true })) },
  { label: 'expireat with GT', command: 'EXPIREAT', option: 'GT', hint: 'gt', key: sKey, call: (id, p) => new Strings(id, p).expireat(new Date(Date.now() + 60_000), loose({ GT: true })) },
  { label: 'pexpireat with Lt', command: 'PEXPIREAT', option: 'Lt', hint: 'lt', key: (id) => key(Zs, id), call: (id, p) => new Zs(id, p).pexpireat(Date.now() + 60_000, loose({ Lt: true })) },
  { label: 'restore with TTL', command: 'RESTORE', option: 'TTL', hint: 'ttl', key: sKey, call: (id, p) => new Strings(id, p).restore(Buffer.from('x'), loose({ TTL: 10 })) },
  { label: 'restorenx with replace (a RESTORE option only)', command: 'RESTORENX', option: 'replace', key: sKey, call: (id, p) => new Strings(id, p).restorenx(Buffer.from('x'), loose({ replace: true })) },
  { label: 'sort with ALPHA', command: 'SORT', option: 'ALPHA', hint: 'alpha', key: (id) => key(Lists, id), call: (id, p) => new Lists(id, p).sort(loose({ ALPHA: true })) },
  { label: 'sortStore with Order', command: 'SORT', option: 'Order', hint: 'order', key: (id) => key(Lists, id), call: (id, p) => new Lists(id, p).sortStore(`${id}d`, loose({ Order: 'desc' })), absent: (id) => [key(Lists, id), key(Lists, `${id}d`)] },
  { label: 'eval with Args', command: 'EVAL', option: 'Args', hint: 'args', key: sKey, call: (id, p) => new Strings(id, p).eval("return redis.call('set', KEYS[1], ARGV[1])", loose({ Args: ['v'] })) },
  { label: 'evalsha with keys (ScriptCall takes ids)', command: 'EVALSHA', option: 'keys', key: sKey, call: (id, p) => new Strings(id, p).evalsha('0'.repeat(40), loose({ keys: ['x'] })) },
  // HashedStringKeyspace: the key named is the shard hash
  { label: 'HashedStringKeyspace set with NX', command: 'SET', option: 'NX', hint: 'nx', key: (id) => Index.redisKey(id), call: (id, p) => new Index(id, p).set('v', loose({ NX: true })) },
];

/** Options that are not a plain object. */
const SHAPES: readonly Case[] = [
  { label: 'a number (zrange)', command: 'ZRANGE', option: 'got 5', key: zKey, call: (id, p) => new Zs(id, p).zrange(0, -1, loose(5)) },
  { label: 'an array (set)', command: 'SET', option: 'got an array', key: sKey, call: (id, p) => new Strings(id, p).set('v', loose(['EX', 10])) },
  { label: 'a string (hrandfield)', command: 'HRANDFIELD', option: 'got "WITHVALUES"', key: (id) => key(Hashes, id), call: (id, p) => new Hashes(id, p).hrandfield(2, loose('WITHVALUES')) },
  { label: 'null (lpos)', command: 'LPOS', option: 'got null', key: (id) => key(Lists, id), call: (id, p) => new Lists(id, p).lpos('a', loose(null)) },
  { label: 'a boolean (zadd)', command: 'ZADD', option: 'got true', key: zKey, call: (id, p) => new Zs(id, p).zadd('a', 1, loose(true)) },
  { label: 'a Map (expire)', command: 'EXPIRE', option: 'got a Map', key: sKey, call: (id, p) => new Strings(id, p).expire(10, loose(new Map([['nx', true]]))) },
  { label: 'a class instance (sort)', command: 'SORT', option: 'got a SortSettings', key: (id) => key(Lists, id), call: (id, p) => new Lists(id, p).sort(loose(new (class SortSettings { alpha = true })())) },
  { label: 'a function (eval)', command: 'EVAL', option: 'got a function', key: sKey, call: (id, p) => new Strings(id, p).eval('return 1', loose(() => ({ ids: [] }))) },
];

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

describe('keyspaces: unknown options are refused (nothing queued)', () => {
  const servers = useServers('unknown-options2');

  /** The call throws InvalidArgumentError on a pipe (left empty) and alone; the keys stay absent. */
  async function expectRefused(c: Case, parts: readonly string[], hint: string | undefined): Promise<InvalidArgumentError> {
    const id = freshId();
    const pipe = pipeline();
    const error = thrown(() => c.call(id, pipe));
    expect(error).to.be.instanceOf(InvalidArgumentError);
    expect(error.message).to.include(`${c.command} ${c.key(id)}: `);
    for (const part of parts) expect(error.message).to.include(part);
    if (hint === undefined) expect(error.message).not.to.include('did you mean');
    else expect(error.message).to.include(`did you mean '${hint}'?`);
    expect(pipe.size, 'nothing queued').to.equal(0);
    await pipe.execute();
    const alone = freshId();
    expect(thrown(() => c.call(alone, undefined))).to.be.instanceOf(InvalidArgumentError);
    await settle();
    const absent = c.absent ?? ((i: string) => [c.key(i)]);
    for (const k of [...absent(id), ...absent(alone)]) {
      expect(await servers.primary.exists(k), `${k} absent`).to.equal(0);
    }
    return error as InvalidArgumentError;
  }

  describe('an option the command does not know', () => {
    for (const c of CASES) {
      it(`${c.label}${c.hint ? ` (did you mean '${c.hint}'?)` : ''}`, async () => {
        const error = await expectRefused(c, [`unknown option '${c.option}'`, 'known options: '], c.hint);
        expect(error.key).to.be.a('string').and.not.equal('');
      });
    }
  });

  describe('options that are not a plain object', () => {
    for (const c of SHAPES) {
      it(c.label, async () => {
        await expectRefused(c, ['options must be a plain object', c.option], undefined);
      });
    }
  });

  it('the error names the command and key in its fields, and every unknown option with its own hint', () => {
    const z = new Zs('fields');
    const error = thrown(() => z.zrange(0, -1, loose({ withscores: true, rev: true, WithScores: true }))) as InvalidArgumentError;
    expect(error).to.be.instanceOf(InvalidArgumentError);
    expect(error.command).to.equal('zrange');
    expect(error.key).to.equal(zKey('fields'));
    expect(error.message).to.equal(
      `ZRANGE ${zKey('fields')}: unknown options 'withscores' (did you mean 'withScores'?), 'rev', ` +
        "'WithScores' (did you mean 'withScores'?); known options: withScores",
    );
  });

  it('an unknown option is refused even when its value is undefined or false', () => {
    expect(thrown(() => new Strings('u').set('v', loose({ EX: undefined })))).to.be.instanceOf(InvalidArgumentError);
    expect(thrown(() => new Zs('u').zrange(0, -1, loose({ withscores: false })))).to.be.instanceOf(InvalidArgumentError);
  });

  it('undefined options, {}, Object.create(null) and objects of another realm are accepted', async () => {
    const id = freshId();
    const pipe = pipeline();
    const z = new Zs(id, pipe);
    z.zadd('a', 1, undefined);
    z.zadd({ b: 2 }, {});
    const bare = Object.create(null) as { withScores?: boolean };
    bare.withScores = true;
    const plain = z.zrange(0, -1, bare);
    const foreign = z.zrangebyscore('-inf', '+inf', runInNewContext('({ withScores: true, limit: { offset: 0, count: 1 } })') as { withScores: true });
    const none = z.zrange(0, -1, undefined);
    const s = new Strings(id, pipe);
    const written = s.set('v', { ex: 100, nx: true });
    const ttl = s.ttl();
    await pipe.execute();
    expect(plain.result).to.deep.equal([['a', 1], ['b', 2]]);
    expect(foreign.result).to.deep.equal([['a', 1]]);
    expect(none.result).to.deep.equal(['a', 'b']);
    expect(written.result).to.equal(true);
    expect(ttl.result).to.be.within(1, 100);
  });

  it('an unknown option leaves the key as it was: expire with NX sets no TTL, set with EX writes nothing', async () => {
    const id = freshId();
    await servers.primary.set(sKey(id), 'before');
    const pipe = pipeline();
    const s = new Strings(id, pipe);
    expect(thrown(() => s.expire(100, loose({ NX: true })))).to.be.instanceOf(InvalidArgumentError);
    expect(thrown(() => s.set('after', loose({ EX: 100 })))).to.be.instanceOf(InvalidArgumentError);
    expect(pipe.size).to.equal(0);
    await pipe.execute();
    expect(await servers.primary.get(sKey(id))).to.equal('before');
    expect(await servers.primary.ttl(sKey(id))).to.equal(-1);
  });

  it('zrangestore refuses limit without by: score or lex (Redis would refuse LIMIT by rank)', async () => {
    const id = freshId();
    const pipe = pipeline();
    const error = thrown(() => new Zs(id, pipe).zrangestore(`${id}d`, 0, -1, loose({ limit: { offset: 0, count: 1 } })));
    expect(error).to.be.instanceOf(InvalidArgumentError);
    expect(error.message).to.include(`ZRANGESTORE ${zKey(id)}: `).and.include("limit needs by: 'score' or 'lex'");
    expect(pipe.size).to.equal(0);
  });

  describe('scans (refused when iterated, before any SCAN is sent)', () => {
    interface ScanCase {
      readonly label: string;
      readonly start: (id: string) => AsyncIterator<unknown>;
      /** `COMMAND key` the message starts with. */
      readonly names: (id: string) => string;
      readonly option: string;
      readonly hint?: string;
    }
    const SCANS: readonly ScanCase[] = [
      { label: 'zscan with MATCH', start: (id) => new Zs(id).zscan(loose({ MATCH: '*' })), names: (id) => `ZSCAN ${zKey(id)}`, option: 'MATCH', hint: 'match' },
      { label: 'sscan with Count', start: (id) => new Sets(id).sscan(loose({ Count: 10 })), names: (id) => `SSCAN ${key(Sets, id)}`, option: 'Count', hint: 'count' },
      { label: 'hscan with cursor', start: (id) => new Hashes(id).hscan(loose({ match: '*', cursor: 0 })), names: (id) => `HSCAN ${key(Hashes, id)}`, option: 'cursor' },
      { label: 'scanIds with Match', start: () => Strings.scanIds(loose({ Match: '*' })), names: () => `SCAN ${Strings.keyspace}{*}`, option: 'Match', hint: 'match' },
      { label: 'scanIds of an array', start: () => Strings.scanIds(loose(['*'])), names: () => `SCAN ${Strings.keyspace}{*}`, option: 'got an array' },
      { label: 'HashedStringKeyspace.scan with COUNT', start: () => Index.scan(loose({ COUNT: 5 })), names: () => `HSCAN ${Index.keyspace}{*}`, option: 'COUNT', hint: 'count' },
      { label: 'HashedStringKeyspace.scanIds with pattern', start: () => Index.scanIds(loose({ pattern: 'a*' })), names: () => `HSCAN ${Index.keyspace}{*}`, option: 'pattern' },
    ];
    for (const c of SCANS) {
      it(c.label, async () => {
        const id = freshId();
        const error = await rejection((async () => c.start(id).next())());
        expect(error).to.be.instanceOf(InvalidArgumentError);
        expect(error.message).to.include(`${c.names(id)}: `).and.include(c.option);
        if (c.hint === undefined) expect(error.message).not.to.include('did you mean');
        else expect(error.message).to.include(`did you mean '${c.hint}'?`);
      });
    }
  });
});
