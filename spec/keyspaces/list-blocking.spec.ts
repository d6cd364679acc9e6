// ListKeyspace blocking commands on real Redis, with short timeouts (0.1–1 s): blpop/brpop answer
// [id, value] with the id read back through the class's key template; blmove/brpoplpush move to another id.
import { expect } from 'chai';
import { Binary, Integer, Text, type Codec } from '../../lib/codecs/index.js';
import { ListKeyspace, type KeyTemplate } from '../../lib/keyspaces/index.js';
import { connect } from '../../lib/pipeline/index.js';
import { newClient, uniqueKey } from '../harness/index.js';
import { MODES, run, useServers, rawKey as key } from './collections-support.js';

describe('ListKeyspace: blocking commands on a real server', () => {
  const servers = useServers();

  for (const mode of MODES) {
    describe(mode.label, () => {
      const raw = () => servers[mode.which];
      function define<V>(codec: Codec<V>) {
        return class L extends ListKeyspace<V> {
          static override keyspace = uniqueKey('BL');
          static override connection = mode.connection;
          static override valueCodec = codec;
        };
      }

      it('blpop and brpop pop from this list or the first non-empty other id: [id, value], null on timeout', async () => {
        const L = define(Text);
        await raw().rpush(key(L, '1'), 'a', 'b');
        await raw().rpush(key(L, '3'), 'z');
        const start = performance.now();
        const popped = await run(mode, (pipe) => {
          const l = new L('1', pipe);
          return [l.blpop(0.1), l.brpop(0.1, '2'), new L('2', pipe).blpop(0.1, ['9', '3']), l.blpop(0.1, ['2', '3']),
            new L('4', pipe).brpop(0.2)] as const;
        });
        const elapsed = performance.now() - start;
        expect(popped).to.deep.equal([['1', 'a'], ['1', 'b'], ['3', 'z'], null, null]);
        expect(elapsed, 'the two empty pops waited their timeouts').to.be.at.least(280);
        expect(await raw().exists(key(L, '1'))).to.equal(0);
      });

      it('blmove and brpoplpush move a value to another id, null on timeout', async () => {
        const L = define(Text);
        await raw().rpush(key(L, '1'), 'a', 'b', 'c');
        const start = performance.now();
        const moved = await run(mode, (pipe) => {
          const l = new L('1', pipe);
          const empty = new L('3', pipe);
          return [l.blmove('2', 'left', 'left', 0.1), l.brpoplpush('2', 0.1), l.blmove('2', 'right', 'right', 1),
            empty.blmove('2', 'right', 'left', 0.1), empty.brpoplpush('2', 0.1)] as const;
        });
        const elapsed = performance.now() - start;
        expect(moved).to.deep.equal(['a', 'c', 'b', null, null]);
        expect(elapsed, 'the two empty moves waited their timeouts').to.be.at.least(180);
        expect(await raw().lrange(key(L, '2'), 0, -1)).to.deep.equal(['c', 'a', 'b']);
      });

      it('Integer and Binary values come back decoded, ids from Buffer keys too', async () => {
        const N = define(Integer);
        const B = define(Binary);
        const bytes = Buffer.from([0xff, 0x00]);
        await raw().rpush(key(N, 'n'), '-7');
        await raw().rpush(key(B, 'b'), bytes);
        const [number, binary, movedNumber] = await run(mode, (pipe) => [
          new N('x', pipe).blpop(0.1, 'n'),
          new B('x', pipe).brpop(0.1, ['y', 'b']),
          new N('n', pipe).brpoplpush('m', 0.1),
        ] as const);
        expect(number).to.deep.equal(['n', -7]);
        expect(binary?.[0]).to.equal('b');
        expect(binary?.[1]).to.be.instanceOf(Buffer);
        expect(binary?.[1].toString('hex')).to.equal('ff00');
        expect(movedNumber).to.equal(null);
        await raw().rpush(key(N, 'n'), '5');
        const [again] = await run(mode, (pipe) => [new N('n', pipe).blmove('m', 'left', 'right', 0.1)] as const);
        expect(again).to.equal(5);
        expect(await raw().lrange(key(N, 'm'), 0, -1)).to.deep.equal(['5']);
      });
    });
  }

  describe('waiting for a value', () => {
    class Jobs extends ListKeyspace {
      static override keyspace = uniqueKey('J');
      static override connection = 'blocking';
    }

    beforeEach(() => connect(newClient('primary'), 'blocking'));

    it('blpop wakes up when another client pushes onto one of its ids', async () => {
      const start = performance.now();
      const waiting = new Jobs('main').blpop(1, ['urgent']);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(waiting.ready, 'still waiting').to.equal(false);
      await servers.primary.rpush(Jobs.redisKey('urgent'), 'job1');
      expect(await waiting.promise).to.deep.equal(['urgent', 'job1']);
      expect(performance.now() - start).to.be.below(900);
    });

    it('blmove and brpoplpush wake up too and move the value', async () => {
      const moving = new Jobs('in').blmove('out', 'left', 'right', 1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await servers.primary.rpush(Jobs.redisKey('in'), 'v1');
      expect(await moving.promise).to.equal('v1');
      const popping = new Jobs('in2').brpoplpush('out', 1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await servers.primary.rpush(Jobs.redisKey('in2'), 'v2');
      expect(await popping.promise).to.equal('v2');
      expect(await servers.primary.lrange(Jobs.redisKey('out'), 0, -1)).to.deep.equal(['v2', 'v1']);
    });
  });

  it('ids are read back through a custom key template', async () => {
    const template: KeyTemplate = (keyspace, id) => `${keyspace}:${id}:jobs`;
    class Custom extends ListKeyspace {
      static override keyspace = uniqueKey('CJ');
      static override keyTemplate = template;
    }
    const prefix = String(Custom.keyspace);
    await servers.primary.rpush(`${prefix}:b:c:jobs`, 'v');
    expect(await new Custom('a').brpop(0.1, ['b:c']).promise).to.deep.equal(['b:c', 'v']);
    await servers.primary.rpush(`${prefix}:a:jobs`, 'w');
    expect(await new Custom('a').blpop(0.1).promise).to.deep.equal(['a', 'w']);
  });
});
