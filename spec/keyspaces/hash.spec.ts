// HashKeyspace on real Redis (Text members and values): every command with its stored (raw) data and
// decoded result, one round trip per call and pipelined, on the default connection (primary) and a named
// one (secondary).
import { expect } from 'chai';
import { HashKeyspace } from '../../lib/keyspaces/index.js';
import { PipelineUsageError, pipeline } from '../../lib/pipeline/index.js';
import { uniqueKey } from '../harness/index.js';
import { expectOnlyOn, MODES, run, sorted, thrown, useServers, type Mode } from './collections-support.js';

/** A fresh Text hash class with a unique prefix on the mode's connection. */
function hashKind(mode: Mode) {
  return class H extends HashKeyspace {
    static override keyspace = uniqueKey('H');
    static override connection = mode.connection;
  };
}

/** `prefix{id}`, spelled out so the tests check the key format. */
const rawKey = (cls: { keyspace: string | undefined }, id: string): string => `${String(cls.keyspace)}{${id}}`;

describe('HashKeyspace: every command on a real server', () => {
  const servers = useServers();

  for (const mode of MODES) {
    describe(mode.label, () => {
      const raw = () => servers[mode.which];

      it('hset of one member and of a map counts new members; values are stored under prefix{id}', async () => {
        const H = hashKind(mode);
        const results = await run(mode, (pipe) => {
          const h = new H('1', pipe);
          return [h.hset('a', '1'), h.hset('a', '2'), h.hset({ b: 'x', c: 'é', a: '3' }), h.hset({ '': 'empty member', 'd e': '' })] as const;
        });
        expect(results).to.deep.equal([1, 0, 2, 2]);
        expect(await raw().hgetall(rawKey(H, '1'))).to.deep.equal({ a: '3', b: 'x', c: 'é', '': 'empty member', 'd e': '' });
        await expectOnlyOn(servers, mode, rawKey(H, '1'));
      });

      it('hmset writes a map and resolves to undefined; hsetnx answers whether it set', async () => {
        const H = hashKind(mode);
        const [done, first, second] = await run(mode, (pipe) => {
          const h = new H('1', pipe);
          return [h.hmset({ a: '1', b: '2' }), h.hsetnx('c', 'new'), h.hsetnx('a', 'ignored')] as const;
        });
        expect([done, first, second]).to.deep.equal([undefined, true, false]);
        expect(await raw().hgetall(rawKey(H, '1'))).to.deep.equal({ a: '1', b: '2', c: 'new' });
      });

      it('hget gives the value or null; hmget takes one member or an array, null for missing', async () => {
        const H = hashKind(mode);
        await raw().hset(rawKey(H, '1'), 'a', 'x', 'b', 'héllo');
        const results = await run(mode, (pipe) => {
          const h = new H('1', pipe);
          const missing = new H('missing', pipe);
          return [h.hget('a'), h.hget('b'), h.hget('zz'), missing.hget('a'), h.hmget('b'), h.hmget(['a', 'zz', 'b']), missing.hmget(['a'])] as const;
        });
        expect(results).to.deep.equal(['x', 'héllo', null, null, ['héllo'], ['x', null, 'héllo'], [null]]);
      });

      it('hgetall gives every member ({} when missing); hkeys and hvals are plain arrays', async () => {
        const H = hashKind(mode);
        await raw().hset(rawKey(H, '1'), 'a', '1', 'b', '2', 'c', '');
        const [all, missing, keys, vals, noKeys, noVals] = await run(mode, (pipe) => {
          const h = new H('1', pipe);
          const none = new H('none', pipe);
          return [h.hgetall(), none.hgetall(), h.hkeys(), h.hvals(), none.hkeys(), none.hvals()] as const;
        });
        expect(all).to.deep.equal({ a: '1', b: '2', c: '' });
        expect(missing).to.deep.equal({});
        expect(sorted(keys)).to.deep.equal(['a', 'b', 'c']);
        expect(Array.isArray(vals)).to.equal(true);
        expect(sorted(vals)).to.deep.equal(['', '1', '2']);
        // hvals is in the same order as hkeys (Redis's member order)
        expect(vals).to.deep.equal(keys.map((k) => all[k]));
        expect([noKeys, noVals]).to.deep.equal([[], []]);
      });

      it('a member named __proto__ (or constructor) is kept as an own property, never a prototype', async () => {
        const H = hashKind(mode);
        await run(mode, (pipe) => [new H('1', pipe).hset({ ['__proto__']: 'p', constructor: 'c' } as Record<string, string>)] as const);
        expect(await raw().hget(rawKey(H, '1'), '__proto__')).to.equal('p');
        const [all] = await run(mode, (pipe) => [new H('1', pipe).hgetall()] as const);
        expect(Object.getPrototypeOf(all)).to.equal(Object.prototype);
        expect(Object.keys(all).sort()).to.deep.equal(['__proto__', 'constructor']);
        expect(Object.getOwnPropertyDescriptor(all, '__proto__')?.value).to.equal('p');
      });

      it('hdel of one string removes that one member (not its characters); of an array, several', async () => {
        const H = hashKind(mode);
        await raw().hset(rawKey(H, '1'), 'a', '1', 'b', '2', 'ab', '3', 'c', '4');
        const [one, none, many] = await run(mode, (pipe) => {
          const h = new H('1', pipe);
          return [h.hdel('ab'), h.hdel('ab'), h.hdel(['a', 'zz', 'c'])] as const;
        });
        expect([one, none, many]).to.deep.equal([1, 0, 2]);
        expect(await raw().hgetall(rawKey(H, '1'))).to.deep.equal({ b: '2' });
      });

      it('hexists answers a boolean; hlen counts members; hstrlen counts bytes', async () => {
        const H = hashKind(mode);
        await raw().hset(rawKey(H, '1'), 'a', 'é', 'b', 'xyz');
        const results = await run(mode, (pipe) => {
          const h = new H('1', pipe);
          const none = new H('none', pipe);
          return [h.hexists('a'), h.hexists('zz'), none.hexists('a'), h.hlen(), none.hlen(), h.hstrlen('a'), h.hstrlen('b'), h.hstrlen('zz')] as const;
        });
        expect(results).to.deep.equal([true, false, false, 2, 0, 2, 3, 0]);
      });

      it('hincrby (default 1) and hincrbyfloat resolve to the new value; the stored text is what Redis wrote', async () => {
        const H = hashKind(mode);
        await raw().hset(rawKey(H, '1'), 'f', '10.5');
        const results = await run(mode, (pipe) => {
          const h = new H('1', pipe);
          return [h.hincrby('n'), h.hincrby('n', 41), h.hincrby('n', -50), h.hincrbyfloat('f', 0.1), h.hincrbyfloat('x', -2.5), h.hincrbyfloat('y', 1e-7)] as const;
        });
        expect(results).to.deep.equal([1, 42, -8, 10.6, -2.5, 1e-7]);
        expect(await raw().hmget(rawKey(H, '1'), 'n', 'f', 'x')).to.deep.equal(['-8', '10.6', '-2.5']);
      });

      it('hrandfield gives a member (null when missing), count members, or [member, value] pairs', async () => {
        const H = hashKind(mode);
        await raw().hset(rawKey(H, '1'), 'a', '1', 'b', '2', 'c', '3');
        const [one, none, two, repeated, pairs, all] = await run(mode, (pipe) => {
          const h = new H('1', pipe);
          return [h.hrandfield(), new H('none', pipe).hrandfield(), h.hrandfield(2), h.hrandfield(-5), h.hrandfield(2, { withValues: true }), h.hrandfield(10, { withValues: true })] as const;
        });
        expect(['a', 'b', 'c']).to.include(one);
        expect(none).to.equal(null);
        expect(two).to.have.length(2);
        expect(new Set(two).size).to.equal(2);
        expect(repeated).to.have.length(5);
        for (const member of [...two, ...repeated]) expect(['a', 'b', 'c']).to.include(member);
        expect(pairs).to.have.length(2);
        for (const [member, value] of pairs) expect({ a: '1', b: '2', c: '3' }[member]).to.equal(value);
        expect(sorted(all.map(([m, v]) => `${m}=${v}`))).to.deep.equal(['a=1', 'b=2', 'c=3']);
      });

      it('hscan yields every [member, value] pair; match globs member names; refused on a pipelined instance', async () => {
        const H = hashKind(mode);
        const members: Record<string, string> = {};
        for (let i = 0; i < 300; i++) members[`m${i}`] = `v${i}`;
        members['other*'] = 'star';
        await raw().hset(rawKey(H, '1'), members);
        const seen: Record<string, string> = {};
        for await (const [member, value] of new H('1').hscan({ count: 50 })) seen[member] = value;
        expect(seen).to.deep.equal(members);
        const matched: string[] = [];
        for await (const [member] of new H('1').hscan({ match: 'm1?' })) matched.push(member);
        expect(sorted(matched)).to.deep.equal(['m10', 'm11', 'm12', 'm13', 'm14', 'm15', 'm16', 'm17', 'm18', 'm19']);
        const none: unknown[] = [];
        for await (const entry of new H('none').hscan()) none.push(entry);
        expect(none).to.deep.equal([]);
        const pipe = pipeline();
        const error = await (async () => {
          try {
            for await (const entry of new H('1', pipe).hscan()) void entry;
          } catch (caught) {
            return caught;
          }
          return undefined;
        })();
        expect(error).to.be.instanceOf(PipelineUsageError);
        expect(pipe.size).to.equal(0);
      });

      it('key commands of the base class work on the hash key', async () => {
        const H = hashKind(mode);
        await raw().hset(rawKey(H, '1'), 'a', '1');
        const results = await run(mode, (pipe) => {
          const h = new H('1', pipe);
          return [h.type(), h.exists(), h.expire(100), h.ttl(), h.delete(), h.exists()] as const;
        });
        expect(results).to.deep.equal(['hash', true, true, 100, 1, false]);
      });

      it('batch() pools several calls into one nested pipeline', async () => {
        const H = hashKind(mode);
        const [count, all] = await run(mode, (pipe) => new H('1', pipe).batch((h) => [h.hset({ a: '1', b: '2' }), h.hgetall()] as const));
        expect([count, all]).to.deep.equal([2, { a: '1', b: '2' }]);
        expect(thrown(() => new H('1').batch(() => { throw new Error('inside'); })).message).to.equal('inside');
      });
    });
  }
});
