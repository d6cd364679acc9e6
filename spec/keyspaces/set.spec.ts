// SetKeyspace on real Redis: every command with its stored (raw) data and decoded result, one round trip
// per call and pipelined, on the default connection (primary) and a named one (secondary); Integer and
// Binary members.
import { expect } from 'chai';
import { Binary, Integer, Text, type Codec } from '../../lib/codecs/index.js';
import { SetKeyspace } from '../../lib/keyspaces/index.js';
import { uniqueKey } from '../harness/index.js';
import { expectOnlyOn, hexes, MODES, run, sorted, useServers, rawKey as key } from './collections-support.js';

describe('SetKeyspace: every command on a real server', () => {
  const servers = useServers();

  for (const mode of MODES) {
    describe(mode.label, () => {
      const raw = () => servers[mode.which];
      function define<V>(codec: Codec<V>) {
        return class S extends SetKeyspace<V> {
          static override keyspace = uniqueKey('S');
          static override connection = mode.connection;
          static override valueCodec = codec;
        };
      }

      it('sadd and srem take one member or an array and count them; members are stored under prefix{id}', async () => {
        const S = define(Text);
        const results = await run(mode, (pipe) => {
          const s = new S('1', pipe);
          return [s.sadd('a'), s.sadd(['b', 'c', 'a']), s.sadd('a'), s.srem('x'), s.srem(['a', 'b', 'y']), s.srem('c')] as const;
        });
        expect(results).to.deep.equal([1, 2, 0, 0, 2, 1]);
        expect(await raw().exists(key(S, '1'))).to.equal(0);
        await run(mode, (pipe) => [new S('1', pipe).sadd(['é', 'b c', ''])] as const);
        expect(sorted(await raw().smembers(key(S, '1')))).to.deep.equal(['', 'b c', 'é']);
        await expectOnlyOn(servers, mode, key(S, '1'));
      });

      it('smembers returns a plain array; scard counts; sismember and smismember answer booleans', async () => {
        const S = define(Text);
        await raw().sadd(key(S, '1'), 'a', 'b', 'c');
        const [members, card, yes, no, many, missingMembers, missingCard, missingIs] = await run(mode, (pipe) => {
          const s = new S('1', pipe);
          const missing = new S('missing', pipe);
          return [s.smembers(), s.scard(), s.sismember('a'), s.sismember('z'), s.smismember(['c', 'z', 'a']),
            missing.smembers(), missing.scard(), missing.sismember('a')] as const;
        });
        expect(Array.isArray(members)).to.equal(true);
        expect(sorted(members)).to.deep.equal(['a', 'b', 'c']);
        expect([card, yes, no, many]).to.deep.equal([3, true, false, [true, false, true]]);
        expect([missingMembers, missingCard, missingIs]).to.deep.equal([[], 0, false]);
        const [one] = await run(mode, (pipe) => [new S('1', pipe).smismember('b')] as const);
        expect(one).to.deep.equal([true]);
      });

      it('spop removes one member (null when empty) or up to count members', async () => {
        const S = define(Text);
        const all = ['a', 'b', 'c', 'd', 'e'];
        await raw().sadd(key(S, '1'), ...all);
        const [one, two, none, fromMissing, manyFromMissing] = await run(mode, (pipe) => {
          const s = new S('1', pipe);
          const missing = new S('missing', pipe);
          return [s.spop(), s.spop(2), s.spop(0), missing.spop(), missing.spop(3)] as const;
        });
        expect(all).to.include(one);
        expect(two).to.have.length(2);
        expect(none).to.deep.equal([]);
        expect([fromMissing, manyFromMissing]).to.deep.equal([null, []]);
        const left = await raw().smembers(key(S, '1'));
        expect(left).to.have.length(2);
        expect(sorted([one ?? '', ...two, ...left])).to.deep.equal(all);
        const [rest] = await run(mode, (pipe) => [new S('1', pipe).spop(10)] as const);
        expect(sorted(rest)).to.deep.equal(sorted(left));
        expect(await raw().exists(key(S, '1'))).to.equal(0);
      });

      it('srandmember returns one member (null when empty), distinct ones for count > 0, repeats for count < 0', async () => {
        const S = define(Text);
        await raw().sadd(key(S, '1'), 'a', 'b', 'c');
        const [one, two, five, ten, none, noneMany] = await run(mode, (pipe) => {
          const s = new S('1', pipe);
          const missing = new S('missing', pipe);
          return [s.srandmember(), s.srandmember(2), s.srandmember(-5), s.srandmember(10), missing.srandmember(),
            missing.srandmember(2)] as const;
        });
        expect(['a', 'b', 'c']).to.include(one);
        expect(new Set(two).size).to.equal(2);
        expect(five).to.have.length(5);
        for (const member of [...two, ...five]) expect(['a', 'b', 'c']).to.include(member);
        expect(sorted(ten)).to.deep.equal(['a', 'b', 'c']);
        expect([none, noneMany]).to.deep.equal([null, []]);
        expect(await raw().scard(key(S, '1'))).to.equal(3);
      });

      it('smove moves a member into another id and answers a boolean', async () => {
        const S = define(Text);
        await raw().sadd(key(S, '1'), 'a', 'b');
        await raw().sadd(key(S, '2'), 'c');
        const results = await run(mode, (pipe) => {
          const s = new S('1', pipe);
          return [s.smove('2', 'a'), s.smove('2', 'zz'), new S('missing', pipe).smove('2', 'b')] as const;
        });
        expect(results).to.deep.equal([true, false, false]);
        expect(sorted(await raw().smembers(key(S, '1')))).to.deep.equal(['b']);
        expect(sorted(await raw().smembers(key(S, '2')))).to.deep.equal(['a', 'c']);
      });

      it('sdiff, sinter and sunion combine this set with other ids (one id or an array)', async () => {
        const S = define(Text);
        await raw().sadd(key(S, '1'), 'a', 'b', 'c', 'd');
        await raw().sadd(key(S, '2'), 'b', 'c', 'x');
        await raw().sadd(key(S, '3'), 'c', 'd', 'y');
        const results = await run(mode, (pipe) => {
          const s = new S('1', pipe);
          return [s.sdiff('2'), s.sdiff(['2', '3']), s.sdiff([]), s.sinter('2'), s.sinter(['2', '3']),
            s.sinter('missing'), s.sunion(['2', '3']), s.sunion('missing')] as const;
        });
        expect(results.map((members) => sorted(members))).to.deep.equal([
          ['a', 'd'], ['a'], ['a', 'b', 'c', 'd'], ['b', 'c'], ['c'], [], ['a', 'b', 'c', 'd', 'x', 'y'], ['a', 'b', 'c', 'd'],
        ]);
      });

      it('sdiffstore, sinterstore and sunionstore store into this key from the source ids', async () => {
        const S = define(Text);
        await raw().sadd(key(S, '2'), 'a', 'b', 'c');
        await raw().sadd(key(S, '3'), 'b', 'c', 'd');
        await raw().sadd(key(S, 'dest'), 'old');
        await raw().sadd(key(S, 'self'), 'z');
        const counts = await run(mode, (pipe) => [
          new S('diff', pipe).sdiffstore(['2', '3']),
          new S('inter', pipe).sinterstore(['2', '3']),
          new S('union', pipe).sunionstore('2'),
          new S('dest', pipe).sunionstore(['2', '3']),
          new S('self', pipe).sunionstore(['self', '2']),
          new S('empty', pipe).sinterstore(['2', 'missing']),
        ] as const);
        expect(counts).to.deep.equal([1, 2, 3, 4, 4, 0]);
        const stored = async (id: string) => sorted(await raw().smembers(key(S, id)));
        expect(await stored('diff')).to.deep.equal(['a']);
        expect(await stored('inter')).to.deep.equal(['b', 'c']);
        expect(await stored('union')).to.deep.equal(['a', 'b', 'c']);
        expect(await stored('dest'), 'the destination is overwritten, not a source').to.deep.equal(['a', 'b', 'c', 'd']);
        expect(await stored('self'), 'a source when its own id is listed').to.deep.equal(['a', 'b', 'c', 'z']);
        expect(await raw().exists(key(S, 'empty'))).to.equal(0);
        expect(sorted(await raw().smembers(key(S, '2'))), 'sources unchanged').to.deep.equal(['a', 'b', 'c']);
      });

      it('sintercard counts the intersection with other ids, up to limit', async () => {
        const S = define(Text);
        await raw().sadd(key(S, '1'), 'a', 'b', 'c', 'd');
        await raw().sadd(key(S, '2'), 'b', 'c', 'd', 'e');
        const counts = await run(mode, (pipe) => {
          const s = new S('1', pipe);
          return [s.sintercard('2'), s.sintercard(['2'], { limit: 2 }), s.sintercard([], { limit: 0 }), s.sintercard('missing')] as const;
        });
        expect(counts).to.deep.equal([3, 2, 4, 0]);
      });

      it('sscan iterates every member (for await) with match and count, on an instance without a pipe', async () => {
        const S = define(Text);
        const members = Array.from({ length: 300 }, (_, i) => `m${i}`);
        await raw().sadd(key(S, '1'), ...members, 'other');
        const seen = new Set<string>();
        for await (const member of new S('1').sscan({ count: 50 })) seen.add(member);
        expect(sorted([...seen])).to.deep.equal(sorted([...members, 'other']));
        const matched = new Set<string>();
        for await (const member of new S('1').sscan({ match: 'm1*' })) matched.add(member);
        expect(matched.size).to.equal(111);
        for (const member of matched) expect(member.startsWith('m1')).to.equal(true);
        const none: string[] = [];
        for await (const member of new S('missing').sscan()) none.push(member);
        expect(none).to.deep.equal([]);
      });

      it('Integer members are stored as decimal digits and read back as numbers', async () => {
        const S = define(Integer);
        const [added, yes, many, members, , diff, removed] = await run(mode, (pipe) => {
          const s = new S('1', pipe);
          return [s.sadd([1, -42, 2 ** 53 - 1]), s.sismember(-42), s.smismember([1, 2]), s.smembers(), new S('2', pipe).sadd(1),
            s.sdiff('2'), s.srem(1)] as const;
        });
        expect([added, yes, many, removed]).to.deep.equal([3, true, [true, false], 1]);
        expect([...members].sort((a, b) => a - b)).to.deep.equal([-42, 1, 2 ** 53 - 1]);
        expect([...diff].sort((a, b) => a - b)).to.deep.equal([-42, 2 ** 53 - 1]);
        expect(sorted(await raw().smembers(key(S, '1')))).to.deep.equal(['-42', '9007199254740991']);
        const [popped, random] = await run(mode, (pipe) => [new S('1', pipe).spop(), new S('1', pipe).srandmember(3)] as const);
        expect([-42, 2 ** 53 - 1]).to.include(popped);
        expect(random).to.have.length(1);
        expect(typeof random[0]).to.equal('number');
      });

      it('Binary members are stored byte for byte and read back as Buffers (buffer replies)', async () => {
        const S = define(Binary);
        const [x, y, z] = [Buffer.from([0xff, 0x00, 0x41]), Buffer.from('é', 'utf8'), Buffer.from([0x80])];
        const [added, yes, members, one, , diff, moved] = await run(mode, (pipe) => {
          const s = new S('1', pipe);
          return [s.sadd([x, y, z]), s.sismember(x), s.smembers(), s.srandmember(), new S('2', pipe).sadd(y), s.sdiff(['2']),
            s.smove('3', z)] as const;
        });
        expect([added, yes, moved]).to.deep.equal([3, true, true]);
        expect(hexes(members)).to.deep.equal(hexes([x, y, z]));
        expect(one).to.be.instanceOf(Buffer);
        expect(hexes(diff)).to.deep.equal(hexes([x, z]));
        expect(hexes(await raw().smembersBuffer(key(S, '1')))).to.deep.equal(hexes([x, y]));
        expect(hexes(await raw().smembersBuffer(key(S, '3')))).to.deep.equal(hexes([z]));
        const scanned: Buffer[] = [];
        for await (const member of new S('1').sscan()) scanned.push(member);
        expect(hexes(scanned)).to.deep.equal(hexes([x, y]));
        const [popped] = await run(mode, (pipe) => [new S('1', pipe).spop(2)] as const);
        expect(hexes(popped)).to.deep.equal(hexes([x, y]));
      });

      it('the key commands of the base work on a set record', async () => {
        const S = define(Text);
        const results = await run(mode, (pipe) => {
          const s = new S('1', pipe);
          return [s.sadd('a'), s.type(), s.exists(), s.expire(100), s.ttl(), s.delete(), s.exists()] as const;
        });
        expect(results[4]).to.be.within(1, 100);
        expect([...results.slice(0, 4), ...results.slice(5)]).to.deep.equal([1, 'set', true, true, 1, false]);
      });
    });
  }
});
