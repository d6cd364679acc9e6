// Acceptance: SortedSetKeyspace, including the seed README's Followers example, against real Redis.
import { expect } from 'chai';
import { SortedSetKeyspace, pipeline } from '../../lib/index.js';
import { useConnections, prefix, inPipe, settle, collect } from './keyspaces-support.js';

describe('acceptance keyspaces: SortedSetKeyspace', () => {
  const c = useConnections();

  function followers() {
    return class Followers extends SortedSetKeyspace {
      static override keyspace = prefix('F');
    };
  }

  it("runs the seed README's Followers example: F{1} and F{2} in one pipeline", async () => {
    const Followers = followers();
    const pipe = pipeline();
    const f1 = new Followers('1', pipe);
    const f2 = new Followers('2', pipe);
    f1.zadd('a', 1);
    f2.zadd('a', 2);
    const f1Members = f1.zrange(0, -1);
    const f2Members = f2.zrange(0, -1);
    expect(f1Members.ready).to.equal(false);
    await pipe.execute();
    expect(f1Members.result).to.deep.equal(['a']);
    expect(f2Members.result).to.deep.equal(['a']);
    expect(f1.key).to.equal(`${Followers.keyspace}{1}`);
    expect(await c.raw.zscore(`${Followers.keyspace}{1}`, 'a')).to.equal('1');
    expect(await c.raw.zscore(`${Followers.keyspace}{2}`, 'a')).to.equal('2');
  });

  it('zadd of one member, of a map/object/pairs; nx, xx, ch, incr', async () => {
    const F = followers();
    const r = await inPipe((p) => {
      const f = new F('z', p);
      return {
        one: f.zadd('a', 1),
        obj: f.zadd({ b: 2, c: 3 }),
        map: f.zadd(new Map([['d', 4]])),
        pairs: f.zadd([['e', 5], ['a', 10]]),
        nx: f.zadd('a', 99, { nx: true }),
        xxNew: f.zadd('new', 1, { xx: true }),
        ch: f.zadd({ b: 20, f: 6 }, { ch: true }),
        incr: f.zadd('a', 5, { incr: true }),
        incrAborted: f.zadd('zz', 5, { incr: true, xx: true }),
        all: f.zrange(0, -1, { withScores: true }),
      };
    });
    expect(r.one.result).to.equal(1);
    expect(r.obj.result).to.equal(2);
    expect(r.map.result).to.equal(1);
    expect(r.pairs.result).to.equal(1);
    expect(r.nx.result).to.equal(0);
    expect(r.xxNew.result).to.equal(0);
    expect(r.ch.result).to.equal(2);
    expect(r.incr.result).to.equal(15);
    expect(r.incrAborted.result).to.equal(null);
    expect(r.all.result).to.deep.equal([['c', 3], ['d', 4], ['e', 5], ['f', 6], ['a', 15], ['b', 20]]);
  });

  it('zrem one or many, zincrby, zscore/zmscore, zrank/zrevrank (null for missing)', async () => {
    const F = followers();
    const r = await inPipe((p) => {
      const f = new F('s', p);
      f.zadd({ a: 1, b: 2, c: 3, ab: 4 });
      return {
        inc: f.zincrby('a', 2.5),
        score: f.zscore('a'),
        scoreMissing: f.zscore('zz'),
        ms: f.zmscore(['a', 'zz', 'c']),
        msOne: f.zmscore('b'),
        rank: f.zrank('b'),
        rev: f.zrevrank('b'),
        rankMissing: f.zrank('zz'),
        remOne: f.zrem('ab'),
        remMany: f.zrem(['b', 'nope']),
        left: f.zrange(0, -1),
      };
    });
    expect(r.inc.result).to.equal(3.5);
    expect(r.score.result).to.equal(3.5);
    expect(r.scoreMissing.result).to.equal(null);
    expect(r.ms.result).to.deep.equal([3.5, null, 3]);
    expect(r.msOne.result).to.deep.equal([2]);
    expect(r.rank.result).to.equal(0);
    expect(r.rev.result).to.equal(3);
    expect(r.rankMissing.result).to.equal(null);
    expect(r.remOne.result).to.equal(1);
    expect(r.remMany.result).to.equal(1);
    expect(r.left.result).to.deep.equal(['c', 'a']);
  });

  it('zrange/zrevrange with scores; zrangebyscore/zrevrangebyscore with limit and exclusive bounds', async () => {
    const F = followers();
    const r = await inPipe((p) => {
      const f = new F('r', p);
      f.zadd({ a: 1, b: 2, c: 3, d: 4 });
      return {
        rev: f.zrevrange(0, 1),
        revS: f.zrevrange(0, 1, { withScores: true }),
        by: f.zrangebyscore(2, '+inf'),
        byEx: f.zrangebyscore('(1', 3, { withScores: true }),
        byLim: f.zrangebyscore('-inf', '+inf', { limit: { offset: 1, count: 2 } }),
        revBy: f.zrevrangebyscore(3, 1),
        revByLim: f.zrevrangebyscore('+inf', '-inf', { limit: { offset: 0, count: 1 }, withScores: true }),
        card: f.zcard(),
        count: f.zcount(2, 3),
        countEx: f.zcount('(2', '+inf'),
      };
    });
    expect(r.rev.result).to.deep.equal(['d', 'c']);
    expect(r.revS.result).to.deep.equal([['d', 4], ['c', 3]]);
    expect(r.by.result).to.deep.equal(['b', 'c', 'd']);
    expect(r.byEx.result).to.deep.equal([['b', 2], ['c', 3]]);
    expect(r.byLim.result).to.deep.equal(['b', 'c']);
    expect(r.revBy.result).to.deep.equal(['c', 'b', 'a']);
    expect(r.revByLim.result).to.deep.equal([['d', 4]]);
    expect(r.card.result).to.equal(4);
    expect(r.count.result).to.equal(2);
    expect(r.countEx.result).to.equal(2);
  });

  it('lex commands: zlexcount, zrangebylex, zrevrangebylex, zremrangebylex', async () => {
    const F = followers();
    const r = await inPipe((p) => {
      const f = new F('lex', p);
      f.zadd({ a: 0, b: 0, c: 0, d: 0, e: 0 });
      return {
        count: f.zlexcount('-', '+'),
        countB: f.zlexcount('[b', '(d'),
        range: f.zrangebylex('[b', '[d'),
        rangeLim: f.zrangebylex('-', '+', { limit: { offset: 1, count: 2 } }),
        rev: f.zrevrangebylex('+', '(c'),
        rem: f.zremrangebylex('[a', '[b'),
        left: f.zrange(0, -1),
      };
    });
    expect(r.count.result).to.equal(5);
    expect(r.countB.result).to.equal(2);
    expect(r.range.result).to.deep.equal(['b', 'c', 'd']);
    expect(r.rangeLim.result).to.deep.equal(['b', 'c']);
    expect(r.rev.result).to.deep.equal(['e', 'd']);
    expect(r.rem.result).to.equal(2);
    expect(r.left.result).to.deep.equal(['c', 'd', 'e']);
  });

  it('zremrangebyrank, zremrangebyscore', async () => {
    const F = followers();
    const r = await inPipe((p) => {
      const f = new F('rm', p);
      f.zadd({ a: 1, b: 2, c: 3, d: 4, e: 5 });
      return { rank: f.zremrangebyrank(0, 1), score: f.zremrangebyscore(4, '+inf'), left: f.zrange(0, -1) };
    });
    expect(r.rank.result).to.equal(2);
    expect(r.score.result).to.equal(2);
    expect(r.left.result).to.deep.equal(['c']);
  });

  it('zunionstore (weights, aggregate), zinterstore, zdiffstore store into this id from other ids', async () => {
    const F = followers();
    const r = await inPipe((p) => {
      new F('1', p).zadd({ a: 1, b: 2 });
      new F('2', p).zadd({ b: 10, c: 3 });
      return {
        u: new F('u', p).zunionstore(['1', '2']),
        uw: new F('uw', p).zunionstore(['1', '2'], { weights: [2, 1], aggregate: 'max' }),
        i: new F('i', p).zinterstore(['1', '2'], { aggregate: 'min' }),
        d: new F('d', p).zdiffstore(['1', '2']),
        uv: new F('u', p).zrange(0, -1, { withScores: true }),
        uwv: new F('uw', p).zrange(0, -1, { withScores: true }),
        iv: new F('i', p).zrange(0, -1, { withScores: true }),
        dv: new F('d', p).zrange(0, -1),
      };
    });
    expect(r.u.result).to.equal(3);
    expect(r.uv.result).to.deep.equal([['a', 1], ['c', 3], ['b', 12]]);
    expect(r.uwv.result).to.deep.equal([['a', 2], ['c', 3], ['b', 10]]);
    expect(r.i.result).to.equal(1);
    expect(r.iv.result).to.deep.equal([['b', 2]]);
    expect(r.d.result).to.equal(1);
    expect(r.dv.result).to.deep.equal(['a']);
  });

  it('zunion, zinter, zdiff of this set and other ids, with scores', async () => {
    const F = followers();
    const r = await inPipe((p) => {
      new F('1', p).zadd({ a: 1, b: 2 });
      new F('2', p).zadd({ b: 10, c: 3 });
      const f = new F('1', p);
      return {
        u: f.zunion('2'),
        us: f.zunion(['2'], { withScores: true }),
        i: f.zinter('2', { withScores: true }),
        d: f.zdiff('2'),
        ds: f.zdiff(['2'], { withScores: true }),
      };
    });
    expect(r.u.result).to.deep.equal(['a', 'c', 'b']);
    expect(r.us.result).to.deep.equal([['a', 1], ['c', 3], ['b', 12]]);
    expect(r.i.result).to.deep.equal([['b', 12]]);
    expect(r.d.result).to.deep.equal(['a']);
    expect(r.ds.result).to.deep.equal([['a', 1]]);
  });

  it('zrangestore by rank and by score into another id', async () => {
    const F = followers();
    const r = await inPipe((p) => {
      const f = new F('src', p);
      f.zadd({ a: 1, b: 2, c: 3 });
      return {
        rank: f.zrangestore('top', 0, 1),
        score: f.zrangestore('hi', 2, '+inf', { by: 'score' }),
        top: new F('top', p).zrange(0, -1),
        hi: new F('hi', p).zrange(0, -1),
      };
    });
    expect(r.rank.result).to.equal(2);
    expect(r.score.result).to.equal(2);
    expect(r.top.result).to.deep.equal(['a', 'b']);
    expect(r.hi.result).to.deep.equal(['b', 'c']);
  });

  it('zpopmin/zpopmax ([member, score] or null), with counts; zrandmember', async () => {
    const F = followers();
    const r = await inPipe((p) => {
      const f = new F('pop', p);
      f.zadd({ a: 1, b: 2, c: 3, d: 4 });
      return {
        min: f.zpopmin(),
        max: f.zpopmax(),
        rand: f.zrandmember(),
        randN: f.zrandmember(2, { withScores: true }),
        minN: f.zpopmin(5),
        emptyMin: f.zpopmin(),
        emptyMax: f.zpopmax(),
        emptyRand: f.zrandmember(),
      };
    });
    expect(r.min.result).to.deep.equal(['a', 1]);
    expect(r.max.result).to.deep.equal(['d', 4]);
    expect(['b', 'c']).to.include(r.rand.result);
    expect([...r.randN.result].sort()).to.deep.equal([['b', 2], ['c', 3]]);
    expect(r.minN.result).to.deep.equal([['b', 2], ['c', 3]]);
    expect(r.emptyMin.result).to.equal(null);
    expect(r.emptyMax.result).to.equal(null);
    expect(r.emptyRand.result).to.equal(null);
  });

  it('bzpopmin/bzpopmax over this and other ids: [id, member, score] or null on timeout', async () => {
    const F = followers();
    await settle(new F('b2').zadd({ x: 1, y: 2 }));
    expect(await settle(new F('b1').bzpopmin(1, 'b2'))).to.deep.equal(['b2', 'x', 1]);
    expect(await settle(new F('b1').bzpopmax(1, ['b2']))).to.deep.equal(['b2', 'y', 2]);
    expect(await settle(new F('b1').bzpopmin(0.1))).to.equal(null);
  });

  it('zscan: async iterator of [member, score], with match', async () => {
    const F = followers();
    const entries = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`m${i}`, i]));
    await settle(new F('scan').zadd(entries));
    const all = await collect(new F('scan').zscan({ count: 30 }));
    expect(new Map(all).size).to.equal(200);
    expect(new Map(all).get('m42')).to.equal(42);
    const some = await collect(new F('scan').zscan({ match: 'm19?' }));
    expect(new Map(some).size).to.equal(10);
  });
});
