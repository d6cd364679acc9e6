// SortedSetKeyspace, every command on a real server, in the four modes: default connection (primary) and
// a named connection bound to the secondary, each one round trip per call and pipelined. Writes are
// checked by reading the raw key (`prefix{id}`, on the mode's server only); reads run on raw-seeded data.
import { expect } from 'chai';
import { pipeline, PipelineUsageError } from '../../lib/pipeline/index.js';
import { MODES, expectOnlyOn, run, sorted, thrown, useServers } from './collections-support.js';
import { fixture, stored, type Fixture } from './sorted-set-support.js';

describe('SortedSetKeyspace: commands', () => {
  const servers = useServers();

  for (const mode of MODES) {
    describe(mode.label, () => {
      let f: Fixture;
      beforeEach(() => {
        f = fixture(mode, servers);
      });

      it('zadd one member: added count, stored as prefix{id} on this server only', async () => {
        const [added, again, updated] = await run(mode, (pipe) => [
          new f.Followers('1', pipe).zadd('a', 1),
          new f.Followers('1', pipe).zadd('a', 1),
          new f.Followers('1', pipe).zadd('a', 2.5),
        ]);
        expect([added, again, updated]).to.deep.equal([1, 0, 0]);
        expect(await stored(f.raw, f.key('1'))).to.deep.equal([['a', '2.5']]);
        await expectOnlyOn(servers, mode, f.key('1'));
      });

      it('zadd a Map, pairs, or an object; ±Infinity stored as inf / -inf', async () => {
        const [a, b, c] = await run(mode, (pipe) => [
          new f.Followers('1', pipe).zadd(new Map([['a', 1], ['b', -Infinity]])),
          new f.Followers('1', pipe).zadd([['c', 3], ['d', Infinity]]),
          new f.Followers('1', pipe).zadd({ e: 0.5, a: 7 }),
        ]);
        expect([a, b, c]).to.deep.equal([2, 2, 1]);
        expect(await stored(f.raw, f.key('1'))).to.deep.equal([
          ['b', '-inf'], ['e', '0.5'], ['c', '3'], ['a', '7'], ['d', 'inf'],
        ]);
      });

      it('zadd options: nx, xx, gt, lt, ch', async () => {
        await f.raw.zadd(f.key('1'), 5, 'a');
        const [nx, xx, xxNew, gt, lt, ch] = await run(mode, (pipe) => {
          const s = new f.Followers('1', pipe);
          return [
            s.zadd({ a: 1, b: 2 }, { nx: true }), // only b added
            s.zadd('a', 6, { xx: true }), // a updated, nothing added
            s.zadd('z', 6, { xx: true }), // z not added
            s.zadd('a', 4, { gt: true, ch: true }), // 4 < 6: nothing changed
            s.zadd('b', 1, { lt: true, ch: true }), // 1 < 2: changed
            s.zadd([['a', 10], ['c', 3]], { ch: true }), // a changed, c added
          ];
        });
        expect([nx, xx, xxNew, gt, lt, ch]).to.deep.equal([1, 0, 0, 0, 1, 2]);
        expect(await stored(f.raw, f.key('1'))).to.deep.equal([['b', '1'], ['c', '3'], ['a', '10']]);
      });

      it('zadd incr: the new score, or null when a condition aborted it', async () => {
        const [first, second, aborted, viaMap] = await run(mode, (pipe) => {
          const s = new f.Followers('1', pipe);
          return [
            s.zadd('a', 1.5, { incr: true }),
            s.zadd('a', 2, { incr: true }),
            s.zadd('a', 1, { incr: true, nx: true }),
            s.zadd(new Map([['a', -0.5]]), { incr: true }),
          ];
        });
        expect([first, second, aborted, viaMap]).to.deep.equal([1.5, 3.5, null, 3]);
        expect(await stored(f.raw, f.key('1'))).to.deep.equal([['a', '3']]);
      });

      it('zrem one member or an array', async () => {
        await f.raw.zadd(f.key('1'), 1, 'a', 2, 'b', 3, 'c', 4, 'd');
        const [one, many, none] = await run(mode, (pipe) => [
          new f.Followers('1', pipe).zrem('a'),
          new f.Followers('1', pipe).zrem(['b', 'c', 'nope']),
          new f.Followers('1', pipe).zrem('a'),
        ]);
        expect([one, many, none]).to.deep.equal([1, 2, 0]);
        expect(await stored(f.raw, f.key('1'))).to.deep.equal([['d', '4']]);
      });

      it('zincrby: by 1 by default, by any amount, creating the member', async () => {
        const [one, more, less] = await run(mode, (pipe) => [
          new f.Followers('1', pipe).zincrby('a'),
          new f.Followers('1', pipe).zincrby('a', 2.25),
          new f.Followers('1', pipe).zincrby('b', -Infinity),
        ]);
        expect([one, more, less]).to.deep.equal([1, 3.25, -Infinity]);
        expect(await stored(f.raw, f.key('1'))).to.deep.equal([['b', '-inf'], ['a', '3.25']]);
      });

      it('zscore, zmscore: numbers, ±Infinity, null for missing', async () => {
        await f.raw.zadd(f.key('1'), 1.5, 'a', '+inf', 'b', '-inf', 'c', 0.1, 'd');
        const [a, b, missing, many, one, tenth] = await run(mode, (pipe) => {
          const s = new f.Followers('1', pipe);
          return [s.zscore('a'), s.zscore('b'), s.zscore('x'), s.zmscore(['a', 'x', 'c']), s.zmscore('b'), s.zscore('d')];
        });
        expect([a, b, missing, tenth]).to.deep.equal([1.5, Infinity, null, 0.1]);
        expect(many).to.deep.equal([1.5, null, -Infinity]);
        expect(one).to.deep.equal([Infinity]);
      });

      it('zrank, zrevrank: ranks, null for missing', async () => {
        await f.raw.zadd(f.key('1'), 1, 'a', 2, 'b', 3, 'c');
        const [rank, revrank, missing, revMissing] = await run(mode, (pipe) => {
          const s = new f.Followers('1', pipe);
          return [s.zrank('a'), s.zrevrank('a'), s.zrank('x'), s.zrevrank('x')];
        });
        expect([rank, revrank, missing, revMissing]).to.deep.equal([0, 2, null, null]);
      });

      it('zrange, zrevrange: members, or [member, score] pairs with withScores', async () => {
        await f.raw.zadd(f.key('1'), 1, 'a', 2, 'b', 3, 'c');
        const [all, pairs, tail, rev, revPairs, empty] = await run(mode, (pipe) => {
          const s = new f.Followers('1', pipe);
          return [
            s.zrange(0, -1), s.zrange(0, 1, { withScores: true }), s.zrange(-1, -1, { withScores: false }),
            s.zrevrange(0, -1), s.zrevrange(0, 0, { withScores: true }), new f.Followers('2', pipe).zrange(0, -1),
          ];
        });
        expect(all).to.deep.equal(['a', 'b', 'c']);
        expect(pairs).to.deep.equal([['a', 1], ['b', 2]]);
        expect(tail).to.deep.equal(['c']);
        expect(rev).to.deep.equal(['c', 'b', 'a']);
        expect(revPairs).to.deep.equal([['c', 3]]);
        expect(empty).to.deep.equal([]);
      });

      it('zrangebyscore, zrevrangebyscore: inclusive, exclusive and infinite bounds, limit, withScores', async () => {
        await f.raw.zadd(f.key('1'), 1, 'a', 2, 'b', 3, 'c', '+inf', 'd');
        const [incl, excl, inf, limited, revd, revLimited] = await run(mode, (pipe) => {
          const s = new f.Followers('1', pipe);
          return [
            s.zrangebyscore(1, 2),
            s.zrangebyscore('(1', '3', { withScores: true }),
            s.zrangebyscore('-inf', Infinity, { withScores: true }),
            s.zrangebyscore(-Infinity, '+inf', { limit: { offset: 1, count: 2 } }),
            s.zrevrangebyscore('+inf', '(2'),
            s.zrevrangebyscore(3, 1, { limit: { offset: 1, count: 5 }, withScores: true }),
          ];
        });
        expect(incl).to.deep.equal(['a', 'b']);
        expect(excl).to.deep.equal([['b', 2], ['c', 3]]);
        expect(inf).to.deep.equal([['a', 1], ['b', 2], ['c', 3], ['d', Infinity]]);
        expect(limited).to.deep.equal(['b', 'c']);
        expect(revd).to.deep.equal(['d', 'c']);
        expect(revLimited).to.deep.equal([['b', 2], ['a', 1]]);
      });

      it('zcard, zcount', async () => {
        await f.raw.zadd(f.key('1'), 1, 'a', 2, 'b', 3, 'c');
        const [card, missing, count, excl, all] = await run(mode, (pipe) => {
          const s = new f.Followers('1', pipe);
          return [s.zcard(), new f.Followers('2', pipe).zcard(), s.zcount(2, 3), s.zcount('(1', '(3'), s.zcount('-inf', '+inf')];
        });
        expect([card, missing, count, excl, all]).to.deep.equal([3, 0, 2, 1, 3]);
      });

      it('zlexcount, zrangebylex, zrevrangebylex: raw bounds and encoded { value } bounds, limit', async () => {
        await f.raw.zadd(f.key('1'), 0, 'a', 0, 'b', 0, 'c', 0, 'd', 0, 'e');
        const [count, countExcl, range, limited, rev] = await run(mode, (pipe) => {
          const s = new f.Followers('1', pipe);
          return [
            s.zlexcount('-', '+'),
            s.zlexcount({ value: 'b', exclusive: true }, '[d'),
            s.zrangebylex('[b', { value: 'd' }),
            s.zrangebylex('-', '+', { limit: { offset: 1, count: 2 } }),
            s.zrevrangebylex('+', '(c', { limit: { offset: 0, count: 10 } }),
          ];
        });
        expect([count, countExcl]).to.deep.equal([5, 2]);
        expect(range).to.deep.equal(['b', 'c', 'd']);
        expect(limited).to.deep.equal(['b', 'c']);
        expect(rev).to.deep.equal(['e', 'd']);
      });

      it('zremrangebylex, zremrangebyrank, zremrangebyscore', async () => {
        await f.raw.zadd(f.key('1'), 0, 'a', 0, 'b', 0, 'c', 0, 'd');
        await f.raw.zadd(f.key('2'), 1, 'a', 2, 'b', 3, 'c', 4, 'd', 5, 'e');
        const [lex, rank, score] = await run(mode, (pipe) => [
          new f.Followers('1', pipe).zremrangebylex({ value: 'b' }, '(d'),
          new f.Followers('2', pipe).zremrangebyrank(0, 1),
          new f.Followers('2', pipe).zremrangebyscore('(3', 4),
        ]);
        expect([lex, rank, score]).to.deep.equal([2, 2, 1]);
        expect(await stored(f.raw, f.key('1'))).to.deep.equal([['a', '0'], ['d', '0']]);
        expect(await stored(f.raw, f.key('2'))).to.deep.equal([['c', '3'], ['e', '5']]);
      });

      it('zunionstore, zinterstore, zdiffstore: this key is the destination, sources are other ids', async () => {
        await f.raw.zadd(f.key('a'), 1, 'x', 2, 'y');
        await f.raw.zadd(f.key('b'), 10, 'y', 20, 'z');
        const [union, weighted, inter, diff] = await run(mode, (pipe) => [
          new f.Followers('u', pipe).zunionstore(['a', 'b']),
          new f.Followers('w', pipe).zunionstore(['a', 'b'], { weights: [2, 0.5], aggregate: 'max' }),
          new f.Followers('i', pipe).zinterstore(['a', 'b'], { aggregate: 'min' }),
          new f.Followers('d', pipe).zdiffstore(['a', 'b']),
        ]);
        expect([union, weighted, inter, diff]).to.deep.equal([3, 3, 1, 1]);
        expect(await stored(f.raw, f.key('u'))).to.deep.equal([['x', '1'], ['y', '12'], ['z', '20']]);
        expect(await stored(f.raw, f.key('w'))).to.deep.equal([['x', '2'], ['y', '5'], ['z', '10']]);
        expect(await stored(f.raw, f.key('i'))).to.deep.equal([['y', '2']]);
        expect(await stored(f.raw, f.key('d'))).to.deep.equal([['x', '1']]);
        await expectOnlyOn(servers, mode, f.key('w'));
      });

      it('zunion, zinter, zdiff: this set with other ids, withScores', async () => {
        await f.raw.zadd(f.key('a'), 1, 'x', 2, 'y');
        await f.raw.zadd(f.key('b'), 10, 'y', 20, 'z');
        await f.raw.zadd(f.key('c'), 5, 'z');
        const [union, unionScores, inter, interScores, diff, diffScores] = await run(mode, (pipe) => {
          const s = new f.Followers('a', pipe);
          return [
            s.zunion(['b', 'c']),
            s.zunion('b', { weights: [1, 2], withScores: true }),
            s.zinter('b'),
            s.zinter(['b'], { aggregate: 'max', withScores: true }),
            s.zdiff('b'),
            s.zdiff(['b', 'c'], { withScores: true }),
          ];
        });
        expect(union).to.deep.equal(['x', 'y', 'z']);
        expect(unionScores).to.deep.equal([['x', 1], ['y', 22], ['z', 40]]);
        expect(inter).to.deep.equal(['y']);
        expect(interScores).to.deep.equal([['y', 10]]);
        expect(diff).to.deep.equal(['x']);
        expect(diffScores).to.deep.equal([['x', 1]]);
      });

      it('zrangestore into another id: by rank, by score with limit, by lex, rev', async () => {
        await f.raw.zadd(f.key('1'), 1, 'a', 2, 'b', 3, 'c', 4, 'd');
        await f.raw.zadd(f.key('lex'), 0, 'a', 0, 'b', 0, 'c');
        const [rank, score, lex, rev] = await run(mode, (pipe) => [
          new f.Followers('1', pipe).zrangestore('r', 1, 2),
          new f.Followers('1', pipe).zrangestore('s', '(1', '+inf', { by: 'score', limit: { offset: 1, count: 2 } }),
          new f.Followers('lex', pipe).zrangestore('l', '(a', { value: 'c' }, { by: 'lex' }),
          new f.Followers('1', pipe).zrangestore('v', 4, '(2', { by: 'score', rev: true }),
        ]);
        expect([rank, score, lex, rev]).to.deep.equal([2, 2, 2, 2]);
        expect(await stored(f.raw, f.key('r'))).to.deep.equal([['b', '2'], ['c', '3']]);
        expect(await stored(f.raw, f.key('s'))).to.deep.equal([['c', '3'], ['d', '4']]);
        expect(await stored(f.raw, f.key('l'))).to.deep.equal([['b', '0'], ['c', '0']]);
        expect(await stored(f.raw, f.key('v'))).to.deep.equal([['c', '3'], ['d', '4']]);
      });

      it('zpopmin, zpopmax: one pair or null, or up to count pairs', async () => {
        await f.raw.zadd(f.key('1'), 1, 'a', 2, 'b', 3, 'c', 4, 'd', 5, 'e');
        const [min, max, mins, maxes, empty, emptyCount] = await run(mode, (pipe) => {
          const s = new f.Followers('1', pipe);
          const e = new f.Followers('empty', pipe);
          return [s.zpopmin(), s.zpopmax(), s.zpopmin(2), s.zpopmax(5), e.zpopmin(), e.zpopmax(3)];
        });
        expect(min).to.deep.equal(['a', 1]);
        expect(max).to.deep.equal(['e', 5]);
        expect(mins).to.deep.equal([['b', 2], ['c', 3]]);
        expect(maxes).to.deep.equal([['d', 4]]);
        expect(empty).to.equal(null);
        expect(emptyCount).to.deep.equal([]);
        expect(await f.raw.exists(f.key('1'))).to.equal(0);
      });

      it('bzpopmin, bzpopmax: [id, member, score] from this or another id, null on timeout', async () => {
        await f.raw.zadd(f.key('2'), 1, 'a', 2, 'b');
        await f.raw.zadd(f.key('3'), 7, 'c');
        const [fromOther, fromThis, max, timedOut] = await run(mode, (pipe) => [
          new f.Followers('1', pipe).bzpopmin(1, ['2', '3']),
          new f.Followers('3', pipe).bzpopmin(1, '2'),
          new f.Followers('2', pipe).bzpopmax(0.5),
          new f.Followers('1', pipe).bzpopmax(0.05, ['empty']),
        ]);
        expect(fromOther).to.deep.equal(['2', 'a', 1]);
        expect(fromThis).to.deep.equal(['3', 'c', 7]);
        expect(max).to.deep.equal(['2', 'b', 2]);
        expect(timedOut).to.equal(null);
      });

      it('zrandmember: one member or null, count members, withScores pairs', async () => {
        await f.raw.zadd(f.key('1'), 1, 'a', 2, 'b', 3, 'c');
        const [one, none, some, repeated, withScores] = await run(mode, (pipe) => {
          const s = new f.Followers('1', pipe);
          return [
            s.zrandmember(), new f.Followers('empty', pipe).zrandmember(), s.zrandmember(2),
            s.zrandmember(-5), s.zrandmember(3, { withScores: true }),
          ];
        });
        expect(['a', 'b', 'c']).to.include(one);
        expect(none).to.equal(null);
        expect(some).to.have.length(2);
        expect(['a', 'b', 'c']).to.include.members(some);
        expect(repeated).to.have.length(5);
        expect(['a', 'b', 'c']).to.include.members(repeated);
        expect(sorted(withScores.map(([m, s]) => `${m}=${s}`))).to.deep.equal(['a=1', 'b=2', 'c=3']);
      });

      it('key commands work on a sorted set (type, expire, ttl, delete)', async () => {
        const [added, type, expired, ttl, deleted] = await run(mode, (pipe) => {
          const s = new f.Followers('1', pipe);
          return [s.zadd('a', 1), s.type(), s.expire(100), s.ttl(), new f.Followers('1', pipe).delete()];
        });
        expect([added, type, expired, deleted]).to.deep.equal([1, 'zset', true, 1]);
        expect(ttl).to.be.within(99, 100);
        expect(await f.raw.exists(f.key('1'))).to.equal(0);
      });

      if (mode.pipelined) {
        it('zscan is refused on a pipelined instance, at the call; nothing queued', () => {
          const pipe = pipeline();
          const error = thrown(() => new f.Followers('1', pipe).zscan());
          expect(error).to.be.instanceOf(PipelineUsageError);
          expect(error.message).to.include(`ZSCAN ${f.key('1')}`);
          expect(pipe.size).to.equal(0);
        });
      } else {
        it('zscan: every [member, score] across pages; match filters stored members', async () => {
          const members: (string | number)[] = [];
          for (let i = 0; i < 300; i++) members.push(i, `m${i}`);
          await f.raw.zadd(f.key('1'), ...members);
          await f.raw.zadd(f.key('1'), '-inf', 'x*y', '+inf', 'x?');
          const seen: [string, number][] = [];
          for await (const pair of new f.Followers('1').zscan({ count: 20 })) seen.push(pair);
          expect(seen).to.have.length(302);
          const byMember = new Map(seen);
          expect(byMember.get('m0')).to.equal(0);
          expect(byMember.get('m299')).to.equal(299);
          expect(byMember.get('x*y')).to.equal(-Infinity);
          expect(byMember.get('x?')).to.equal(Infinity);
          const matched: [string, number][] = [];
          for await (const pair of new f.Followers('1').zscan({ match: 'm29?' })) matched.push(pair);
          expect(sorted(matched.map(([m]) => m))).to.deep.equal(['m290', 'm291', 'm292', 'm293', 'm294', 'm295', 'm296', 'm297', 'm298', 'm299']);
          const literal: string[] = [];
          for await (const [m] of new f.Followers('1').zscan({ match: 'x\\*y' })) literal.push(m);
          expect(literal).to.deep.equal(['x*y']);
          const missing: unknown[] = [];
          for await (const pair of new f.Followers('nothing').zscan()) missing.push(pair);
          expect(missing).to.deep.equal([]);
        });
      }
    });
  }
});
