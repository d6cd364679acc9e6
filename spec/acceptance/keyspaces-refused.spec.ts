// Acceptance: bad input is refused when queued, with nothing queued and nothing sent.
import { expect } from 'chai';
import {
  StringKeyspace, HashKeyspace, SetKeyspace, ListKeyspace, SortedSetKeyspace, HyperLogLogKeyspace,
  Text, Integer, Float, BooleanField, Binary, List, Dict, StringList, Ascii, type Codec,
  InvalidIdError, InvalidValueError, InvalidArgumentError, PipelineUsageError, KeyspaceDefinitionError, pipeline,
} from '../../lib/index.js';
import { useConnections, proxiedDefault, prefix, expectRefused, expectIterationRefused } from './keyspaces-support.js';

describe('acceptance keyspaces: refused when queued', () => {
  useConnections();

  const S = () => class extends StringKeyspace { static override keyspace = prefix('rS'); };
  const T = () => class extends SetKeyspace { static override keyspace = prefix('rT'); };
  const Z = () => class extends SortedSetKeyspace { static override keyspace = prefix('rZ'); };
  const L = () => class extends ListKeyspace { static override keyspace = prefix('rL'); };
  const H = () => class extends HashKeyspace<{ n: number; name: string }> {
    static override keyspace = prefix('rH');
    static override fields = { n: Integer, name: Text };
  };
  const P = () => class extends HyperLogLogKeyspace { static override keyspace = prefix('rP'); };

  describe('bad ids (InvalidIdError)', () => {
    const badIds: [string, unknown][] = [['a number', 1], ['empty', ''], ['{', 'a{b'], ['}', 'a}b'], ['undefined', undefined], ['null', null]];
    for (const [what, id] of badIds) {
      it(`refuses ${what} as the id of every class`, async () => {
        const proxy = await proxiedDefault();
        for (const K of [S(), T(), Z(), L(), H(), P()]) {
          await expectRefused(InvalidIdError, (p) => (new K(id as string, p) as unknown as { exists(): unknown }).exists(), proxy);
        }
      });
    }

    it('refuses bad other ids in multi-key commands', async () => {
      const proxy = await proxiedDefault();
      await expectRefused(InvalidIdError, (p) => new (T())('ok', p).sinter('x{'), proxy);
      await expectRefused(InvalidIdError, (p) => new (T())('ok', p).sunionstore(['a', '']), proxy);
      await expectRefused(InvalidIdError, (p) => new (T())('ok', p).smove('}', 'm'), proxy);
      await expectRefused(InvalidIdError, (p) => new (S())('ok', p).mget(['a', 'b}']), proxy);
      await expectRefused(InvalidIdError, (p) => new (S())('ok', p).mset({ 'a{': 'v' }), proxy);
      await expectRefused(InvalidIdError, (p) => new (S())('ok', p).bitop('and', ['{']), proxy);
      await expectRefused(InvalidIdError, (p) => new (Z())('ok', p).zunionstore(['a', '{b}']), proxy);
      await expectRefused(InvalidIdError, (p) => new (Z())('ok', p).zrangestore('', 0, 1), proxy);
      await expectRefused(InvalidIdError, (p) => new (L())('ok', p).rpoplpush('x{'), proxy);
      await expectRefused(InvalidIdError, (p) => new (L())('ok', p).blpop(1, ['a', '']), proxy);
      await expectRefused(InvalidIdError, (p) => new (P())('ok', p).pfmerge(['}']), proxy);
      await expectRefused(InvalidIdError, (p) => new (S())('ok', p).rename('a{b'), proxy);
      await expectRefused(InvalidIdError, (p) => new (S())('ok', p).eval('return 1', { ids: ['{'] }), proxy);
    });
  });

  describe('wrong value types per codec (InvalidValueError)', () => {
    const bad: [string, Codec<any>, unknown][] = [
      ['Text: a number', Text, 5],
      ['Text: undefined', Text, undefined],
      ['Ascii: é', Ascii, 'é'],
      ['Integer: a string', Integer, '5'],
      ['Integer: 1.5', Integer, 1.5],
      ['Integer: NaN', Integer, NaN],
      ['Integer: beyond 2^53', Integer, 2 ** 53],
      ['Float: NaN', Float, NaN],
      ['Float: a string', Float, '1.5'],
      ['Boolean: "1"', BooleanField, '1'],
      ['Boolean: 1', BooleanField, 1],
      ['Binary: a string', Binary, 'bytes'],
      ['List: NaN inside', List, [1, NaN]],
      ['List: not an array', List, 'x'],
      ['Dict: Infinity inside', Dict, { a: Infinity }],
      ['Dict: an array', Dict, [1]],
      ['StringList: item with a comma', StringList, ['a,b', 'c']],
      ['StringList: empty item', StringList, ['a', '']],
      ['StringList: a string', StringList, 'a,b'],
    ];
    for (const [name, codec, value] of bad) {
      it(`refuses ${name}`, async () => {
        const proxy = await proxiedDefault();
        const K = class extends StringKeyspace<unknown> {
          static override keyspace = prefix('rv');
          static override valueCodec = codec as Codec<unknown>;
        };
        const err = await expectRefused(InvalidValueError, (p) => new K('x', p).set(value), proxy);
        expect(err.message).to.include(`${K.keyspace}{x}`);
      });
    }

    it('checks every value of an array before queueing any', async () => {
      const proxy = await proxiedDefault();
      const N = class extends SetKeyspace<number> {
        static override keyspace = prefix('rN');
        static override valueCodec = Integer;
      };
      await expectRefused(InvalidValueError, (p) => new N('x', p).sadd([1, 2, 'three' as unknown as number]), proxy);
    });

    it('refuses values per hash member codec', async () => {
      const proxy = await proxiedDefault();
      const K = H();
      await expectRefused(InvalidValueError, (p) => new K('x', p).hset('n', 'x' as unknown as number), proxy);
      await expectRefused(InvalidValueError, (p) => new K('x', p).hset({ name: 'ok', n: 1.5 }), proxy);
      await expectRefused(InvalidValueError, (p) => new K('x', p).hsetnx('name', 5 as unknown as string), proxy);
    });

    it('refuses list, sorted set and HyperLogLog values of the wrong type', async () => {
      const proxy = await proxiedDefault();
      await expectRefused(InvalidValueError, (p) => new (L())('x', p).rpush(['a', 5 as unknown as string]), proxy);
      await expectRefused(InvalidValueError, (p) => new (Z())('x', p).zadd(7 as unknown as string, 1), proxy);
      await expectRefused(InvalidValueError, (p) => new (P())('x', p).pfadd([{} as unknown as string]), proxy);
    });
  });

  describe('contradictory options and bad numbers (InvalidArgumentError)', () => {
    it('set: nx with xx, ex with px', async () => {
      const proxy = await proxiedDefault();
      await expectRefused(InvalidArgumentError, (p) => new (S())('x', p).set('v', { nx: true, xx: true }), proxy);
      await expectRefused(InvalidArgumentError, (p) => new (S())('x', p).set('v', { ex: 1, px: 1000 }), proxy);
    });

    it('zadd: nx with xx, gt with lt, nx with gt; NaN score', async () => {
      const proxy = await proxiedDefault();
      await expectRefused(InvalidArgumentError, (p) => new (Z())('x', p).zadd('m', 1, { nx: true, xx: true }), proxy);
      await expectRefused(InvalidArgumentError, (p) => new (Z())('x', p).zadd({ m: 1 }, { nx: true, xx: true }), proxy);
      await expectRefused(InvalidArgumentError, (p) => new (Z())('x', p).zadd('m', 1, { gt: true, lt: true }), proxy);
      await expectRefused(InvalidArgumentError, (p) => new (Z())('x', p).zadd('m', 1, { nx: true, gt: true }), proxy);
      await expectRefused(InvalidArgumentError, (p) => new (Z())('x', p).zadd('m', NaN), proxy);
    });

    it('expire: nx with xx', async () => {
      const proxy = await proxiedDefault();
      await expectRefused(InvalidArgumentError, (p) => new (S())('x', p).expire(10, { nx: true, xx: true }), proxy);
    });

    it('an empty member list', async () => {
      const proxy = await proxiedDefault();
      await expectRefused(InvalidArgumentError, (p) => new (T())('x', p).sadd([]), proxy);
      await expectRefused(InvalidArgumentError, (p) => new (L())('x', p).rpush([]), proxy);
    });
  });

  describe('without a pipe', () => {
    it('a refused one-off call throws at once and sends nothing', async () => {
      const proxy = await proxiedDefault();
      const N = class extends StringKeyspace<number> {
        static override keyspace = prefix('rnp');
        static override valueCodec = Integer;
      };
      expect(() => new N('x').set('5' as unknown as number)).to.throw(InvalidValueError);
      expect(() => new N('x').set(1, { nx: true, xx: true })).to.throw(InvalidArgumentError);
      expect(() => new N('x{').get()).to.throw(InvalidIdError);
      expect(() => new N('x').mget(['ok', ''])).to.throw(InvalidIdError);
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(proxy.roundTrips).to.equal(0);
    });
  });

  describe('scans on a pipelined instance (PipelineUsageError)', () => {
    it('sscan, zscan, hscan refuse and send nothing', async () => {
      const proxy = await proxiedDefault();
      const pipe = pipeline();
      await expectIterationRefused(PipelineUsageError, () => new (T())('x', pipe).sscan());
      await expectIterationRefused(PipelineUsageError, () => new (Z())('x', pipe).zscan());
      await expectIterationRefused(PipelineUsageError, () => new (H())('x', pipe).hscan());
      expect(pipe.size).to.equal(0);
      expect(proxy.roundTrips).to.equal(0);
    });
  });

  describe('keyspace definitions (KeyspaceDefinitionError)', () => {
    it('a class without a keyspace prefix', () => {
      class NoPrefix extends StringKeyspace {}
      expect(() => new NoPrefix('1').get()).to.throw(KeyspaceDefinitionError);
    });

    it('a key template that does not place the id exactly once', () => {
      class Twice extends StringKeyspace {
        static override keyspace = prefix('tw');
        static override keyTemplate = (ks: string, id: string) => `${ks}:${id}:${id}`;
      }
      class Never extends StringKeyspace {
        static override keyspace = prefix('nv');
        static override keyTemplate = (ks: string) => `${ks}:fixed`;
      }
      expect(() => new Twice('1').get()).to.throw(KeyspaceDefinitionError);
      expect(() => new Never('1').get()).to.throw(KeyspaceDefinitionError);
    });
  });
});
