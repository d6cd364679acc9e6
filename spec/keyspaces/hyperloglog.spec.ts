// HyperLogLogKeyspace on a real server, in every mode: pfadd (one value or many, through the value codec),
// pfcount over this and other ids, pfmerge of other ids into this record; refused input sends nothing.
import { expect } from 'chai';
import { Binary, Integer, InvalidValueError, Text, type Codec } from '../../lib/codecs/index.js';
import { InvalidArgumentError, InvalidIdError, type HyperLogLogKeyspace } from '../../lib/keyspaces/index.js';
import { pipeline } from '../../lib/pipeline/index.js';
import { MODES, expectOnlyOn, run, thrown, useCountedConnection, useServers } from './collections-support.js';
import { hllKind, rawKey, rawOf, settle } from './string-support.js';

for (const mode of MODES) {
  describe(`HyperLogLogKeyspace — ${mode.label}`, () => {
    const servers = useServers();

    it('pfadd one value or an array answers whether the estimate changed; stored at prefix{id} as an HLL', async () => {
      const H = hllKind(mode);
      const [created, again, many, same, count] = await run(mode, (pipe) => {
        const h = new H('day1', pipe);
        return [h.pfadd('alice'), h.pfadd('alice'), h.pfadd(['bob', 'carol', 'dave']), h.pfadd(['bob', 'carol']), h.pfcount()] as const;
      });
      expect([created, again, many, same]).to.deep.equal([true, false, true, false]);
      expect(count).to.equal(4);
      const raw = rawOf(servers, mode);
      expect(await raw.pfcount(rawKey(H, 'day1'))).to.equal(4);
      expect(await raw.type(rawKey(H, 'day1'))).to.equal('string');
      expect((await raw.getBuffer(rawKey(H, 'day1')))?.subarray(0, 4).toString()).to.equal('HYLL');
      await expectOnlyOn(servers, mode, rawKey(H, 'day1'));
    });

    it('pfcount counts the union of this and other ids (0 when missing); pfmerge merges others into this record', async () => {
      const H = hllKind(mode);
      const raw = rawOf(servers, mode);
      await raw.pfadd(rawKey(H, 'a'), 'x', 'y');
      await raw.pfadd(rawKey(H, 'b'), 'y', 'z');
      await raw.pfadd(rawKey(H, 'c'), 'w');
      const [none, one, two, three, merged, mergedCount, kept] = await run(mode, (pipe) => [
        new H('missing', pipe).pfcount(),
        new H('a', pipe).pfcount(),
        new H('a', pipe).pfcount('b'),
        new H('a', pipe).pfcount(['b', 'c', 'missing']),
        new H('c', pipe).pfmerge(['a', 'b']),
        new H('c', pipe).pfcount(),
        new H('a', pipe).pfcount(),
      ] as const);
      expect([none, one, two, three]).to.deep.equal([0, 2, 3, 4]);
      expect(merged).to.equal(undefined);
      expect(mergedCount, 'the destination keeps its own values').to.equal(4);
      expect(kept).to.equal(2);
      expect(await raw.pfcount(rawKey(H, 'c'))).to.equal(4);
      await expectOnlyOn(servers, mode, rawKey(H, 'c'));
    });

    it('values go through the value codec: Integer 5 is the element "5", Binary bytes are added as they are', async () => {
      const I = hllKind(mode, Integer);
      const B = hllKind(mode, Binary);
      const raw = rawOf(servers, mode);
      await raw.pfadd(rawKey(I, '1'), '5');
      await raw.pfadd(rawKey(B, '1'), Buffer.from([0xff, 0x00]));
      const [sameInt, newInt, sameBytes, newBytes] = await run(mode, (pipe) => [
        new I('1', pipe).pfadd(5),
        new I('1', pipe).pfadd([5, 6]),
        new B('1', pipe).pfadd(Buffer.from([0xff, 0x00])),
        new B('1', pipe).pfadd([Buffer.from([0xff, 0x01])]),
      ] as const);
      expect([sameInt, newInt, sameBytes, newBytes]).to.deep.equal([false, true, false, true]);
      expect(await raw.pfcount(rawKey(I, '1'))).to.equal(2);
      expect(await raw.pfcount(rawKey(B, '1'))).to.equal(2);
    });
  });
}

describe('HyperLogLogKeyspace: refused input (thrown when queued, nothing sent)', () => {
  const counted = useCountedConnection();

  async function refused(type: abstract new (...args: never[]) => Error, call: (h: HyperLogLogKeyspace<never>) => unknown, codec: Codec<unknown> = Text) {
    const H = hllKind({ label: '', connection: undefined, which: 'primary', pipelined: false }, codec);
    counted.proxy.reset();
    expect(thrown(() => call(new H('1') as HyperLogLogKeyspace<never>))).to.be.instanceOf(type);
    const pipe = pipeline();
    expect(thrown(() => call(new H('1', pipe) as HyperLogLogKeyspace<never>))).to.be.instanceOf(type);
    expect(pipe.size).to.equal(0);
    await pipe.execute();
    await settle();
    expect(counted.proxy.roundTrips, 'nothing sent').to.equal(0);
  }

  it('values the codec refuses, alone or anywhere in an array', async () => {
    await refused(InvalidValueError, (h) => h.pfadd(5 as never));
    await refused(InvalidValueError, (h) => h.pfadd(['ok', 5] as never));
    await refused(InvalidValueError, (h) => h.pfadd(1.5 as never), Integer);
    await refused(InvalidValueError, (h) => h.pfadd('bytes' as never), Binary);
  });

  it('an empty array of values, pfmerge without source ids', async () => {
    await refused(InvalidArgumentError, (h) => h.pfadd([]));
    await refused(InvalidArgumentError, (h) => h.pfmerge([]));
  });

  it('bad other ids in pfcount / pfmerge', async () => {
    await refused(InvalidIdError, (h) => h.pfcount(['ok', '']));
    await refused(InvalidIdError, (h) => h.pfcount('{x}'));
    await refused(InvalidIdError, (h) => h.pfmerge([7 as unknown as string]));
  });
});
