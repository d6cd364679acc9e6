// Acceptance: every codec kind works as a keyspace value/member codec, key codecs and member codecs
// are honoured, and hashes fall back to valueCodec for undeclared members.
import { expect } from 'chai';
import {
  StringKeyspace, HashKeyspace, SetKeyspace, SortedSetKeyspace, ListKeyspace,
  BigIntField, DateTime, Enum, Json, custom, Ascii, Integer, Float, Text,
  InvalidValueError, DecodeError,
} from '../../lib/index.js';
import { useConnections, prefix, inPipe, settle, expectRefused } from './keyspaces-support.js';

describe('acceptance keyspaces: codec kinds', () => {
  const c = useConnections();

  it('BigIntField keeps integers beyond 2^53 exact, both ways', async () => {
    class B extends StringKeyspace<bigint> { static override keyspace = prefix('bi'); static override valueCodec = BigIntField; }
    const big = 2n ** 64n + 1n;
    await settle(new B('1').set(big));
    expect(await c.raw.get(`${B.keyspace}{1}`)).to.equal('18446744073709551617');
    expect(await settle(new B('1').get())).to.equal(big);
    await c.raw.set(`${B.keyspace}{2}`, '9007199254740993');
    expect(await settle(new B('2').get())).to.equal(9007199254740993n);
    await expectRefused(InvalidValueError, (p) => new B('3', p).set(5 as unknown as bigint));
  });

  it('DateTime values are epoch milliseconds; invalid dates are refused', async () => {
    class D extends ListKeyspace<Date> { static override keyspace = prefix('dt'); static override valueCodec = DateTime; }
    const when = new Date('2024-02-29T12:34:56.789Z');
    await settle(new D('1').rpush(when));
    expect(await c.raw.lrange(`${D.keyspace}{1}`, 0, -1)).to.deep.equal([String(when.getTime())]);
    const back = await settle(new D('1').lindex(0));
    expect(back).to.be.instanceOf(Date);
    expect(back!.getTime()).to.equal(when.getTime());
    await expectRefused(InvalidValueError, (p) => new D('1', p).rpush(new Date('nope')));
  });

  it('Enum members: stored as the string, others refused, unknown stored values fail the read', async () => {
    const Color = Enum(['red', 'green'] as const);
    class C extends SetKeyspace<'red' | 'green'> { static override keyspace = prefix('en'); static override valueCodec = Color; }
    await settle(new C('1').sadd(['red', 'green']));
    expect((await settle(new C('1').smembers())).sort()).to.deep.equal(['green', 'red']);
    await expectRefused(InvalidValueError, (p) => new C('1', p).sadd('blue' as 'red'));
    await c.raw.sadd(`${C.keyspace}{2}`, 'blue');
    let err: unknown;
    await settle(new C('2').smembers()).catch((e: unknown) => { err = e; });
    expect((err as Error).cause).to.be.instanceOf(DecodeError);
  });

  it('custom codecs and Json<T>() work as sorted set members and string values', async () => {
    const Point = custom<{ x: number; y: number }>({
      name: 'Point',
      encode: ({ x, y }) => {
        if (!Number.isInteger(x) || !Number.isInteger(y)) throw new Error('integer coordinates only');
        return `${x},${y}`;
      },
      decode: (raw) => {
        const [x, y] = String(raw).split(',').map(Number);
        return { x: x!, y: y! };
      },
    });
    class Z extends SortedSetKeyspace<{ x: number; y: number }> { static override keyspace = prefix('pt'); static override valueCodec = Point; }
    const r = await inPipe((p) => ({
      add: new Z('1', p).zadd([[{ x: 1, y: 2 }, 10], [{ x: 3, y: 4 }, 5]]),
      all: new Z('1', p).zrange(0, -1, { withScores: true }),
      score: new Z('1', p).zscore({ x: 1, y: 2 }),
    }));
    expect(r.all.result).to.deep.equal([[{ x: 3, y: 4 }, 5], [{ x: 1, y: 2 }, 10]]);
    expect(r.score.result).to.equal(10);
    expect(await c.raw.zrange(`${Z.keyspace}{1}`, 0, -1)).to.deep.equal(['3,4', '1,2']);
    await expectRefused(InvalidValueError, (p) => new Z('1', p).zadd({ x: 0.5, y: 1 }, 1));

    type Doc = { title: string; tags: string[] };
    class J extends StringKeyspace<Doc> { static override keyspace = prefix('js'); static override valueCodec = Json<Doc>(); }
    await settle(new J('1').set({ title: 'é', tags: ['a'] }));
    expect(await settle(new J('1').get())).to.deep.equal({ title: 'é', tags: ['a'] });
  });

  it('hash memberCodec refuses member names it cannot encode; valueCodec types undeclared members', async () => {
    class H extends HashKeyspace<Record<string, unknown>> {
      static override keyspace = prefix('mc');
      static override memberCodec = Ascii;
      static override valueCodec = Integer;
      static override fields = { name: Text, ratio: Float };
    }
    const r = await inPipe((p) => ({
      set: new H('1', p).hset({ name: 'Ada', ratio: 0.5, visits: 3, likes: 7 }),
      all: new H('1', p).hgetall(),
      visits: new H('1', p).hget('visits'),
    }));
    expect(r.all.result).to.deep.equal({ name: 'Ada', ratio: 0.5, visits: 3, likes: 7 });
    expect(r.visits.result).to.equal(3);
    await expectRefused(InvalidValueError, (p) => new H('1', p).hset('café', 1));
    await expectRefused(InvalidValueError, (p) => new H('1', p).hset('other', 'x'));
  });

  it('a value codec on a sorted set encodes members used as lex bounds and in zrem', async () => {
    class Z extends SortedSetKeyspace<number> { static override keyspace = prefix('zi'); static override valueCodec = Integer; }
    const r = await inPipe((p) => ({
      add: new Z('1', p).zadd([[1, 0], [2, 0], [3, 0]]),
      lex: new Z('1', p).zrangebylex({ value: 1, exclusive: true }, '+'),
      rem: new Z('1', p).zrem([1, 3]),
      left: new Z('1', p).zrange(0, -1),
    }));
    expect(r.lex.result).to.deep.equal([2, 3]);
    expect(r.rem.result).to.equal(2);
    expect(r.left.result).to.deep.equal([2]);
  });
});
