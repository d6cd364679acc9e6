// ListKeyspace: bad input is refused when the command is queued (nothing queued, nothing sent), and a stored
// value the codec cannot read fails that read naming key and value.
import { expect } from 'chai';
import { Binary, DecodeError, Integer, InvalidValueError } from '../../lib/codecs/index.js';
import { InvalidArgumentError, InvalidIdError, ListKeyspace, type ListEnd } from '../../lib/keyspaces/index.js';
import { CommandError, type Pipeline } from '../../lib/pipeline/index.js';
import { newClient, uniqueKey } from '../harness/index.js';
import { itRefusesEach, rejection, thrown, useCountedConnection, type Refusal } from './collections-support.js';

class Texts extends ListKeyspace {
  static override keyspace = uniqueKey('LT');
}
class Numbers extends ListKeyspace<number> {
  static override keyspace = uniqueKey('LI');
  static override valueCodec = Integer;
}
class Bytes extends ListKeyspace<Buffer> {
  static override keyspace = uniqueKey('LB');
  static override valueCodec = Binary;
}


const bad = <T>(value: unknown): T => value as T;
const t = (p: Pipeline | undefined): Texts => new Texts('1', p);

const CASES: readonly Refusal[] = [
  // wrong value type per codec
  { label: 'Text: a number', error: InvalidValueError, call: (p) => t(p).rpush(bad<string>(5)) },
  { label: 'Text: one bad value among good ones', error: InvalidValueError, call: (p) => t(p).lpush(['a', bad<string>(undefined)]) },
  { label: 'Text: lset of a non-string', error: InvalidValueError, call: (p) => t(p).lset(0, bad<string>(true)) },
  { label: 'Text: linsert with a bad pivot', error: InvalidValueError, call: (p) => t(p).linsert('before', bad<string>(1), 'x') },
  { label: 'Text: lpos of a non-string', error: InvalidValueError, call: (p) => t(p).lpos(bad<string>([])) },
  { label: 'Integer: a fraction', error: InvalidValueError, call: (p) => new Numbers('1', p).rpushx(0.5) },
  { label: 'Integer: a string', error: InvalidValueError, call: (p) => new Numbers('1', p).lrem(bad<number>('3')) },
  { label: 'Integer: Infinity', error: InvalidValueError, call: (p) => new Numbers('1', p).lpushx([1, Infinity]) },
  { label: 'Binary: a string', error: InvalidValueError, call: (p) => new Bytes('1', p).rpush(bad<Buffer>('abc')) },
  // bad ids
  { label: 'id: a number', error: InvalidIdError, call: (p) => new Texts(bad<string>(1), p).rpush('a') },
  { label: 'id: empty', error: InvalidIdError, call: (p) => new Texts('', p).llen() },
  { label: 'id: with braces', error: InvalidIdError, call: (p) => new Texts('{x}', p).lpop() },
  { label: 'lmove destination: with a brace', error: InvalidIdError, call: (p) => t(p).lmove('a{', 'left', 'right') },
  { label: 'rpoplpush destination: empty', error: InvalidIdError, call: (p) => t(p).rpoplpush('') },
  { label: 'brpoplpush destination: not a string', error: InvalidIdError, call: (p) => t(p).brpoplpush(bad<string>(2), 0.1) },
  { label: 'blpop other id: with a brace', error: InvalidIdError, call: (p) => t(p).blpop(0.1, ['2', '}']) },
  { label: 'brpop other id: null', error: InvalidIdError, call: (p) => t(p).brpop(0.1, bad<string>(null)) },
  // arguments Redis would refuse or misread
  { label: 'rpush of no values', error: InvalidArgumentError, call: (p) => t(p).rpush([]) },
  { label: 'lpushx of no values', error: InvalidArgumentError, call: (p) => t(p).lpushx([]) },
  { label: 'lpop of a negative count', error: InvalidArgumentError, call: (p) => t(p).lpop(-1) },
  { label: 'rpop of a fractional count', error: InvalidArgumentError, call: (p) => t(p).rpop(0.5) },
  { label: 'lrange from a fraction', error: InvalidArgumentError, call: (p) => t(p).lrange(0.5) },
  { label: 'lindex of NaN', error: InvalidArgumentError, call: (p) => t(p).lindex(NaN) },
  { label: 'ltrim to a string', error: InvalidArgumentError, call: (p) => t(p).ltrim(0, bad<number>('2')) },
  { label: 'lrem with a fractional count', error: InvalidArgumentError, call: (p) => t(p).lrem('a', 1.2) },
  { label: "linsert at 'middle'", error: InvalidArgumentError, call: (p) => t(p).linsert(bad<'before'>('middle'), 'a', 'b') },
  { label: 'lpos with rank 0', error: InvalidArgumentError, call: (p) => t(p).lpos('a', { rank: 0 }) },
  { label: 'lpos with a negative count', error: InvalidArgumentError, call: (p) => t(p).lpos('a', { count: -1 }) },
  { label: 'lpos with a fractional maxlen', error: InvalidArgumentError, call: (p) => t(p).lpos('a', { maxlen: 1.5 }) },
  { label: "lmove from 'up'", error: InvalidArgumentError, call: (p) => t(p).lmove('2', bad<ListEnd>('up'), 'left') },
  { label: "blmove to 'LEFT'", error: InvalidArgumentError, call: (p) => t(p).blmove('2', 'left', bad<ListEnd>('LEFT'), 0.1) },
  { label: 'blpop with a negative timeout', error: InvalidArgumentError, call: (p) => t(p).blpop(-1) },
  { label: 'brpop with a NaN timeout', error: InvalidArgumentError, call: (p) => t(p).brpop(NaN) },
  { label: 'blmove with an infinite timeout', error: InvalidArgumentError, call: (p) => t(p).blmove('2', 'left', 'left', Infinity) },
  { label: 'brpoplpush with a string timeout', error: InvalidArgumentError, call: (p) => t(p).brpoplpush('2', bad<number>('1')) },
];

describe('ListKeyspace: bad input is refused when queued', () => {
  const counted = useCountedConnection();

  itRefusesEach(counted, CASES);

  it('the refusals name the key, and a good call afterwards is one round trip', async () => {
    const id = uniqueKey('id');
    expect(thrown(() => new Numbers(id).rpush(0.5)).message).to.contain(`${String(Numbers.keyspace)}{${id}}`);
    expect(thrown(() => new Texts(id).blpop(-1)).message).to.contain(`BLPOP ${String(Texts.keyspace)}{${id}}`);
    expect(counted.proxy.roundTrips).to.equal(0);
    expect(await new Texts(id).llen().promise).to.equal(0);
    expect(counted.proxy.roundTrips).to.equal(1);
  });

  it('a stored value the codec cannot read fails that read, naming the key and the raw value', async () => {
    const id = uniqueKey('id');
    const raw = newClient('primary');
    await raw.rpush(Numbers.redisKey(id), '1', 'x1');
    const error = await rejection(new Numbers(id).lrange().promise);
    expect(error).to.be.instanceOf(CommandError);
    expect(error.cause).to.be.instanceOf(DecodeError);
    expect(error.message).to.contain(Numbers.redisKey(id)).and.to.contain('x1');
    const popped = await rejection(new Numbers(id).brpop(0.1).promise);
    expect(popped.cause).to.be.instanceOf(DecodeError);
    expect(await raw.lrange(Numbers.redisKey(id), 0, -1), 'the pop happened; only decoding failed').to.deep.equal(['1']);
  });
});
