// ListKeyspace on real Redis (non-blocking commands): stored (raw) data and decoded results, one round trip
// per call and pipelined, on the default connection (primary) and a named one (secondary); Integer and
// Binary values. Blocking commands: list-blocking.spec.ts.
import { expect } from 'chai';
import { Binary, Integer, Text, type Codec } from '../../lib/codecs/index.js';
import { ListKeyspace } from '../../lib/keyspaces/index.js';
import { CommandError, pipeline, PipelineError } from '../../lib/pipeline/index.js';
import { uniqueKey } from '../harness/index.js';
import { expectOnlyOn, MODES, rejection, run, useServers, rawKey as key } from './collections-support.js';

describe('ListKeyspace: every non-blocking command on a real server', () => {
  const servers = useServers();

  for (const mode of MODES) {
    describe(mode.label, () => {
      const raw = () => servers[mode.which];
      function define<V>(codec: Codec<V>) {
        return class L extends ListKeyspace<V> {
          static override keyspace = uniqueKey('L');
          static override connection = mode.connection;
          static override valueCodec = codec;
        };
      }

      it('lpush, rpush, lpushx and rpushx take one value or an array and answer the length; stored under prefix{id}', async () => {
        const L = define(Text);
        const lengths = await run(mode, (pipe) => {
          const l = new L('1', pipe);
          const missing = new L('missing', pipe);
          return [l.rpush('a'), l.rpush(['b', 'c']), l.lpush(['x', 'y']), l.lpushx('z'), l.rpushx(['w', '']),
            missing.lpushx('q'), missing.rpushx(['q', 'r'])] as const;
        });
        expect(lengths).to.deep.equal([1, 3, 5, 6, 8, 0, 0]);
        expect(await raw().lrange(key(L, '1'), 0, -1)).to.deep.equal(['z', 'y', 'x', 'a', 'b', 'c', 'w', '']);
        expect(await raw().exists(key(L, 'missing'))).to.equal(0);
        await expectOnlyOn(servers, mode, key(L, '1'));
      });

      it('lpop and rpop pop one value (null when empty) or up to count values ([] when empty)', async () => {
        const L = define(Text);
        await raw().rpush(key(L, '1'), 'a', 'b', 'c', 'd', 'e');
        const popped = await run(mode, (pipe) => {
          const l = new L('1', pipe);
          return [l.lpop(0), l.lpop(), l.rpop(), l.lpop(2), l.rpop(5), l.lpop(), l.rpop(), l.lpop(2), l.rpop(3)] as const;
        });
        expect(popped).to.deep.equal([[], 'a', 'e', ['b', 'c'], ['d'], null, null, [], []]);
        expect(await raw().exists(key(L, '1'))).to.equal(0);
      });

      it('lrange, llen and lindex read ranges, the length and single values (negative indexes from the tail)', async () => {
        const L = define(Text);
        await raw().rpush(key(L, '1'), 'a', 'b', 'c', 'd');
        const results = await run(mode, (pipe) => {
          const l = new L('1', pipe);
          const missing = new L('missing', pipe);
          return [l.lrange(), l.lrange(1, 2), l.lrange(-2), l.lrange(5, 10), l.llen(), l.lindex(0), l.lindex(-1), l.lindex(9),
            missing.llen(), missing.lrange(), missing.lindex(0)] as const;
        });
        expect(results).to.deep.equal([['a', 'b', 'c', 'd'], ['b', 'c'], ['c', 'd'], [], 4, 'a', 'd', null, 0, [], null]);
      });

      it('lset replaces a value and ltrim keeps a range', async () => {
        const L = define(Text);
        await raw().rpush(key(L, '1'), 'a', 'b', 'c', 'd', 'e');
        const results = await run(mode, (pipe) => {
          const l = new L('1', pipe);
          return [l.lset(0, 'A'), l.lset(-1, 'E'), l.ltrim(0, 3), l.lrange()] as const;
        });
        expect(results).to.deep.equal([undefined, undefined, undefined, ['A', 'b', 'c', 'd']]);
        expect(await raw().lrange(key(L, '1'), 0, -1)).to.deep.equal(['A', 'b', 'c', 'd']);
      });

      it('lset out of range fails its own deferred only', async () => {
        const L = define(Text);
        await raw().rpush(key(L, '1'), 'a');
        const pipe = mode.pipelined ? pipeline() : undefined;
        const l = new L('1', pipe);
        const failed = l.lset(5, 'x');
        const length = l.llen();
        if (pipe) expect(await rejection(pipe.execute())).to.be.instanceOf(PipelineError);
        const error = await rejection(failed.promise);
        expect(error).to.be.instanceOf(CommandError);
        expect(error.message).to.match(/LSET .*index out of range/i);
        expect(await length.promise).to.equal(1);
      });

      it('lrem removes from the head (redpipe default 1), from the tail, or all, and counts', async () => {
        const L = define(Text);
        await raw().rpush(key(L, '1'), 'a', 'b', 'a', 'c', 'a', 'b', 'a');
        const results = await run(mode, (pipe) => {
          const l = new L('1', pipe);
          return [l.lrem('a'), l.lrem('a', -1), l.lrem('b', 0), l.lrem('zz'), new L('missing', pipe).lrem('a', 0)] as const;
        });
        expect(results).to.deep.equal([1, 1, 2, 0, 0]);
        expect(await raw().lrange(key(L, '1'), 0, -1)).to.deep.equal(['a', 'c', 'a']);
      });

      it('linsert inserts before or after the pivot: the length, -1 without pivot, 0 without key', async () => {
        const L = define(Text);
        await raw().rpush(key(L, '1'), 'a', 'c');
        const results = await run(mode, (pipe) => {
          const l = new L('1', pipe);
          return [l.linsert('before', 'c', 'b'), l.linsert('after', 'c', 'd'), l.linsert('after', 'zz', 'q'),
            new L('missing', pipe).linsert('before', 'a', 'b')] as const;
        });
        expect(results).to.deep.equal([3, 4, -1, 0]);
        expect(await raw().lrange(key(L, '1'), 0, -1)).to.deep.equal(['a', 'b', 'c', 'd']);
        expect(await raw().exists(key(L, 'missing'))).to.equal(0);
      });

      it('lpos finds the first, the rank-th or every match, within maxlen', async () => {
        const L = define(Text);
        await raw().rpush(key(L, '1'), 'a', 'b', 'c', 'a', 'b', 'c', 'a');
        const results = await run(mode, (pipe) => {
          const l = new L('1', pipe);
          return [l.lpos('a'), l.lpos('b'), l.lpos('zz'), l.lpos('a', { rank: 2 }), l.lpos('a', { rank: -1 }),
            l.lpos('a', { count: 0 }), l.lpos('a', { count: 2 }), l.lpos('a', { count: 0, rank: -1 }), l.lpos('c', { maxlen: 2 }),
            l.lpos('zz', { count: 0 }), l.lpos('a', { count: 0, maxlen: 4 }), new L('missing', pipe).lpos('a')] as const;
        });
        expect(results).to.deep.equal([0, 1, null, 3, 6, [0, 3, 6], [0, 3], [6, 3, 0], null, [], [0, 3], null]);
      });

      it('lmove and rpoplpush move values to another id (null from an empty list)', async () => {
        const L = define(Text);
        await raw().rpush(key(L, '1'), 'a', 'b', 'c');
        await raw().rpush(key(L, '2'), 'x');
        const moved = await run(mode, (pipe) => {
          const l = new L('1', pipe);
          return [l.lmove('2', 'left', 'right'), l.lmove('2', 'right', 'left'), new L('missing', pipe).lmove('2', 'left', 'left'),
            l.lmove('1', 'left', 'right')] as const;
        });
        expect(moved).to.deep.equal(['a', 'c', null, 'b']);
        expect(await raw().lrange(key(L, '1'), 0, -1)).to.deep.equal(['b']);
        expect(await raw().lrange(key(L, '2'), 0, -1)).to.deep.equal(['c', 'x', 'a']);
        const again = await run(mode, (pipe) => {
          const l = new L('1', pipe);
          return [l.rpoplpush('3'), l.rpoplpush('3'), new L('2', pipe).rpoplpush('3')] as const;
        });
        expect(again).to.deep.equal(['b', null, 'a']);
        expect(await raw().lrange(key(L, '3'), 0, -1)).to.deep.equal(['a', 'b']);
        expect(await raw().exists(key(L, '1'))).to.equal(0);
      });

      it('Integer values are stored as decimal digits and read back as numbers', async () => {
        const L = define(Integer);
        const results = await run(mode, (pipe) => {
          const l = new L('1', pipe);
          return [l.rpush([1, -2, 3, 2 ** 53 - 1]), l.lrange(), l.lindex(1), l.lpos(-2), l.lrem(3), l.linsert('before', 1, 0),
            l.lset(-1, 7), l.lpop(), l.rpop(2), l.lmove('2', 'left', 'left')] as const;
        });
        expect(results).to.deep.equal([4, [1, -2, 3, 2 ** 53 - 1], -2, 1, 1, 4, undefined, 0, [7, -2], 1]);
        expect(await raw().lrange(key(L, '2'), 0, -1)).to.deep.equal(['1']);
        await raw().rpush(key(L, '3'), '-42', '9007199254740991');
        const [read] = await run(mode, (pipe) => [new L('3', pipe).lrange()] as const);
        expect(read).to.deep.equal([-42, 2 ** 53 - 1]);
      });

      it('Binary values are stored byte for byte and read back as Buffers (buffer replies)', async () => {
        const L = define(Binary);
        const [x, y, z] = [Buffer.from([0xff, 0x00, 0x41]), Buffer.from('é', 'utf8'), Buffer.from([0x80])];
        const [length, range, at, position, popped, moved] = await run(mode, (pipe) => {
          const l = new L('1', pipe);
          return [l.rpush([x, y, z]), l.lrange(), l.lindex(1), l.lpos(z), l.lpop(), l.rpoplpush('2')] as const;
        });
        expect([length, position]).to.deep.equal([3, 2]);
        expect(range.map((b) => b.toString('hex'))).to.deep.equal([x, y, z].map((b) => b.toString('hex')));
        for (const value of [...range, at, popped, moved]) expect(value).to.be.instanceOf(Buffer);
        expect([at, popped, moved].map((b) => b?.toString('hex'))).to.deep.equal([y, x, z].map((b) => b.toString('hex')));
        expect(await raw().lrangeBuffer(key(L, '1'), 0, -1)).to.deep.equal([y]);
        expect((await raw().lrangeBuffer(key(L, '2'), 0, -1)).map((b) => b.toString('hex'))).to.deep.equal([z.toString('hex')]);
      });

      it('the key commands of the base work on a list record', async () => {
        const L = define(Text);
        const results = await run(mode, (pipe) => {
          const l = new L('1', pipe);
          return [l.rpush(['b', 'a']), l.type(), l.sort({ alpha: true }), l.pexpire(100_000), l.persist(), l.ttl(), l.delete(), l.exists()] as const;
        });
        expect(results).to.deep.equal([2, 'list', ['a', 'b'], true, true, -1, 1, false]);
      });
    });
  }
});
