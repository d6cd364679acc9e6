// Acceptance: arguments Redis itself would reject (empty lists, non-integers, out-of-range numbers,
// contradictory options) are refused when queued with InvalidArgumentError, and nothing is sent.
import {
  StringKeyspace, HashKeyspace, SetKeyspace, ListKeyspace, SortedSetKeyspace, InvalidArgumentError, type Pipeline,
} from '../../lib/index.js';
import { useConnections, proxiedDefault, prefix, expectRefused } from './keyspaces-support.js';

class S extends StringKeyspace<string> { static override keyspace = prefix('badS'); }
class H extends HashKeyspace<Record<string, string>> { static override keyspace = prefix('badH'); }
class T extends SetKeyspace<string> { static override keyspace = prefix('badT'); }
class L extends ListKeyspace<string> { static override keyspace = prefix('badL'); }
class Z extends SortedSetKeyspace<string> { static override keyspace = prefix('badZ'); }

const any = <X>(v: unknown) => v as X;

describe('acceptance keyspaces: arguments Redis would reject are refused when queued', () => {
  useConnections();
  let id: string;
  beforeEach(() => { id = prefix('id').replace(/:/g, '-'); });

  const cases: [string, (p: Pipeline, id: string) => unknown][] = [
    // empty lists where Redis needs at least one
    ['hset({})', (p, i) => new H(i, p).hset({})],
    ['hmset({})', (p, i) => new H(i, p).hmset({})],
    ['hmget([])', (p, i) => new H(i, p).hmget([])],
    ['hdel([])', (p, i) => new H(i, p).hdel([])],
    ['srem([])', (p, i) => new T(i, p).srem([])],
    ['smismember([])', (p, i) => new T(i, p).smismember([])],
    ['sdiffstore([])', (p, i) => new T(i, p).sdiffstore([])],
    ['lpush([])', (p, i) => new L(i, p).lpush([])],
    ['zadd({})', (p, i) => new Z(i, p).zadd({})],
    ['zadd(new Map())', (p, i) => new Z(i, p).zadd(new Map())],
    ['zrem([])', (p, i) => new Z(i, p).zrem([])],
    ['zmscore([])', (p, i) => new Z(i, p).zmscore([])],
    ['zunionstore([])', (p, i) => new Z(i, p).zunionstore([])],
    ['zinterstore([])', (p, i) => new Z(i, p).zinterstore([])],
    ['mset({})', (p, i) => new S(i, p).mset({})],
    ['bitop and of []', (p, i) => new S(i, p).bitop('and', [])],
    ['bitop not of two sources', (p, i) => new S(i, p).bitop('not', ['a', 'b'])],
    // non-integers and NaN where Redis wants integers / numbers
    ['expire(1.5)', (p, i) => new S(i, p).expire(1.5)],
    ['pexpire(NaN)', (p, i) => new S(i, p).pexpire(NaN)],
    ['expireat(invalid Date)', (p, i) => new S(i, p).expireat(new Date('nope'))],
    ['incrby(1.5)', (p, i) => new S(i, p).incrby(1.5)],
    ['decrby(NaN)', (p, i) => new S(i, p).decrby(NaN)],
    ['incrbyfloat(NaN)', (p, i) => new S(i, p).incrbyfloat(NaN)],
    ['incrbyfloat(Infinity)', (p, i) => new S(i, p).incrbyfloat(Infinity)],
    ['getrange(0.5, 1)', (p, i) => new S(i, p).getrange(0.5, 1)],
    ['setrange(-1, x)', (p, i) => new S(i, p).setrange(-1, 'x')],
    ['setbit(-1, 1)', (p, i) => new S(i, p).setbit(-1, 1)],
    ['setbit(0, 2)', (p, i) => new S(i, p).setbit(0, any<1>(2))],
    ['getbit(1.5)', (p, i) => new S(i, p).getbit(1.5)],
    ['setex(v, 0)', (p, i) => new S(i, p).setex('v', 0)],
    ['psetex(v, -1)', (p, i) => new S(i, p).psetex('v', -1)],
    ['set(v, { ex: 0 })', (p, i) => new S(i, p).set('v', { ex: 0 })],
    ['set(v, { px: 1.5 })', (p, i) => new S(i, p).set('v', { px: 1.5 })],
    ['set(v, { ex, keepttl })', (p, i) => new S(i, p).set('v', { ex: 5, keepttl: true })],
    ['getex({ ex, persist })', (p, i) => new S(i, p).getex({ ex: 5, persist: true })],
    ['hincrby(m, 1.5)', (p, i) => new H(i, p).hincrby('m', 1.5)],
    ['hincrbyfloat(m, NaN)', (p, i) => new H(i, p).hincrbyfloat('m', NaN)],
    ['hrandfield(1.5)', (p, i) => new H(i, p).hrandfield(1.5)],
    ['spop(-1)', (p, i) => new T(i, p).spop(-1)],
    ['srandmember(1.5)', (p, i) => new T(i, p).srandmember(1.5)],
    ['sintercard limit -1', (p, i) => new T(i, p).sintercard('x', { limit: -1 })],
    ['lrange(0.5, 1)', (p, i) => new L(i, p).lrange(0.5, 1)],
    ['lindex(NaN)', (p, i) => new L(i, p).lindex(NaN)],
    ['lset(1.5, v)', (p, i) => new L(i, p).lset(1.5, 'v')],
    ['lpop(-1)', (p, i) => new L(i, p).lpop(-1)],
    ['lpos rank 0', (p, i) => new L(i, p).lpos('v', { rank: 0 })],
    ['blpop(-1)', (p, i) => new L(i, p).blpop(-1)],
    ['brpoplpush(x, NaN)', (p, i) => new L(i, p).brpoplpush('x', NaN)],
    ["linsert('middle')", (p, i) => new L(i, p).linsert(any<'before'>('middle'), 'a', 'b')],
    ["lmove(x, 'up', 'left')", (p, i) => new L(i, p).lmove('x', any<'left'>('up'), 'left')],
    ['zadd score NaN in a map', (p, i) => new Z(i, p).zadd({ a: 1, b: NaN })],
    ["zadd score '5' (a string)", (p, i) => new Z(i, p).zadd('m', any<number>('5'))],
    ['zadd incr with two members', (p, i) => new Z(i, p).zadd({ a: 1, b: 2 }, { incr: true })],
    ['zincrby(m, NaN)', (p, i) => new Z(i, p).zincrby('m', NaN)],
    ['zrangebyscore(NaN, 1)', (p, i) => new Z(i, p).zrangebyscore(NaN, 1)],
    ["zrangebyscore('abc', 1)", (p, i) => new Z(i, p).zrangebyscore(any<number>('abc'), 1)],
    ['zrange(0.5, 1)', (p, i) => new Z(i, p).zrange(0.5, 1)],
    ['zpopmin(-1)', (p, i) => new Z(i, p).zpopmin(-1)],
    ['zunionstore weights count mismatch', (p, i) => new Z(i, p).zunionstore(['a', 'b'], { weights: [1] })],
    ['zunionstore weight NaN', (p, i) => new Z(i, p).zunionstore(['a'], { weights: [NaN] })],
    ["zunionstore aggregate 'avg'", (p, i) => new Z(i, p).zunionstore(['a'], { aggregate: any<'max'>('avg') })],
    ['zrangebyscore limit offset 1.5', (p, i) => new Z(i, p).zrangebyscore(0, 1, { limit: { offset: 1.5, count: 1 } })],
    ["zrangebylex with a bad bound 'b'", (p, i) => new Z(i, p).zrangebylex(any<'-'>('b'), '+')],
    ['bzpopmin(-1)', (p, i) => new Z(i, p).bzpopmin(-1)],
    ['expire nx with gt', (p, i) => new S(i, p).expire(5, { nx: true, gt: true })],
    ['expire gt with lt', (p, i) => new S(i, p).expire(5, { gt: true, lt: true })],
    ['sort limit count 1.5', (p, i) => new L(i, p).sort({ limit: { offset: 0, count: 1.5 } })],
    ["object('nope')", (p, i) => new S(i, p).object(any<'encoding'>('nope'))],
  ];

  for (const [name, queue] of cases) {
    it(`refuses ${name}`, async () => {
      const proxy = await proxiedDefault();
      await expectRefused(InvalidArgumentError, (p) => queue(p, id), proxy);
    });
  }
});
