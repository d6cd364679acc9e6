// SetKeyspace: bad input is refused when the command is queued (nothing queued, nothing sent), scans refuse a
// pipelined instance, and a stored value the codec cannot read fails that read naming key and value.
import { expect } from 'chai';
import { Binary, DecodeError, Integer, InvalidValueError } from '../../lib/codecs/index.js';
import { InvalidArgumentError, InvalidIdError, SetKeyspace } from '../../lib/keyspaces/index.js';
import { CommandError, pipeline, PipelineUsageError } from '../../lib/pipeline/index.js';
import { newClient, uniqueKey } from '../harness/index.js';
import { itRefusesEach, rejection, thrown, useCountedConnection, type Refusal } from './collections-support.js';

class Texts extends SetKeyspace {
  static override keyspace = uniqueKey('ST');
}
class Numbers extends SetKeyspace<number> {
  static override keyspace = uniqueKey('SI');
  static override valueCodec = Integer;
}
class Bytes extends SetKeyspace<Buffer> {
  static override keyspace = uniqueKey('SB');
  static override valueCodec = Binary;
}


const bad = <T>(value: unknown): T => value as T;

const CASES: readonly Refusal[] = [
  // wrong value type per codec
  { label: 'Text: a number', error: InvalidValueError, call: (p) => new Texts('1', p).sadd(bad<string>(5)) },
  { label: 'Text: one bad member among good ones', error: InvalidValueError, call: (p) => new Texts('1', p).sadd(['a', bad<string>(null), 'b']) },
  { label: 'Text: a lone surrogate', error: InvalidValueError, call: (p) => new Texts('1', p).sismember('\ud800') },
  { label: 'Text: smove of a non-string', error: InvalidValueError, call: (p) => new Texts('1', p).smove('2', bad<string>({})) },
  { label: 'Integer: a fraction', error: InvalidValueError, call: (p) => new Numbers('1', p).sadd(1.5) },
  { label: 'Integer: a string among numbers', error: InvalidValueError, call: (p) => new Numbers('1', p).srem([1, bad<number>('2')]) },
  { label: 'Integer: NaN', error: InvalidValueError, call: (p) => new Numbers('1', p).sismember(NaN) },
  { label: 'Integer: beyond 2^53', error: InvalidValueError, call: (p) => new Numbers('1', p).smismember([2 ** 53]) },
  { label: 'Binary: a string', error: InvalidValueError, call: (p) => new Bytes('1', p).sadd(bad<Buffer>('abc')) },
  // bad ids, this record's and the other ids
  { label: 'id: a number', error: InvalidIdError, call: (p) => new Texts(bad<string>(5), p).sadd('a') },
  { label: 'id: empty', error: InvalidIdError, call: (p) => new Texts('', p).sadd('a') },
  { label: 'id: with braces', error: InvalidIdError, call: (p) => new Texts('a{b}', p).sadd('a') },
  { label: 'other id: with a brace', error: InvalidIdError, call: (p) => new Texts('1', p).sinter(['2', 'x}']) },
  { label: 'other id: not a string', error: InvalidIdError, call: (p) => new Texts('1', p).sunion([bad<string>(7)]) },
  { label: 'source id: empty', error: InvalidIdError, call: (p) => new Texts('1', p).sdiffstore('') },
  { label: 'smove destination: with a brace', error: InvalidIdError, call: (p) => new Texts('1', p).smove('{', 'a') },
  { label: 'sintercard: null id', error: InvalidIdError, call: (p) => new Texts('1', p).sintercard([bad<string>(null)]) },
  // arguments Redis would refuse
  { label: 'sadd of no members', error: InvalidArgumentError, call: (p) => new Texts('1', p).sadd([]) },
  { label: 'srem of no members', error: InvalidArgumentError, call: (p) => new Texts('1', p).srem([]) },
  { label: 'smismember of no members', error: InvalidArgumentError, call: (p) => new Texts('1', p).smismember([]) },
  { label: 'sinterstore of no sources', error: InvalidArgumentError, call: (p) => new Texts('1', p).sinterstore([]) },
  { label: 'spop of a negative count', error: InvalidArgumentError, call: (p) => new Texts('1', p).spop(-1) },
  { label: 'spop of a fractional count', error: InvalidArgumentError, call: (p) => new Texts('1', p).spop(1.5) },
  { label: 'srandmember of NaN', error: InvalidArgumentError, call: (p) => new Texts('1', p).srandmember(NaN) },
  { label: 'sintercard with a negative limit', error: InvalidArgumentError, call: (p) => new Texts('1', p).sintercard('2', { limit: -1 }) },
];

describe('SetKeyspace: bad input is refused when queued', () => {
  const counted = useCountedConnection();

  itRefusesEach(counted, CASES);

  it('the refusals name the key, and a good call afterwards is one round trip', async () => {
    const id = uniqueKey('id');
    expect(thrown(() => new Numbers(id).sadd(1.5)).message).to.contain(`${String(Numbers.keyspace)}{${id}}`);
    expect(thrown(() => new Texts(id).spop(-1)).message).to.contain(`SPOP ${String(Texts.keyspace)}{${id}}`);
    expect(counted.proxy.roundTrips).to.equal(0);
    expect(await new Texts(id).scard().promise).to.equal(0);
    expect(counted.proxy.roundTrips).to.equal(1);
  });

  it('sscan on a pipelined instance is refused at once with PipelineUsageError; bad scan options too', () => {
    const pipe = pipeline();
    const error = thrown(() => new Texts('1', pipe).sscan());
    expect(error).to.be.instanceOf(PipelineUsageError);
    expect(error.message).to.match(/SSCAN .*pipeline/);
    expect(pipe.size).to.equal(0);
    expect(thrown(() => new Texts('1').sscan({ count: 0 }))).to.be.instanceOf(InvalidArgumentError);
    expect(thrown(() => new Texts('1').sscan({ match: bad<string>(5) }))).to.be.instanceOf(InvalidArgumentError);
    expect(counted.proxy.roundTrips).to.equal(0);
  });

  it('a stored member the codec cannot read fails that read, naming the key and the raw value', async () => {
    const id = uniqueKey('id');
    const raw = newClient('primary');
    await raw.sadd(Numbers.redisKey(id), 'abc');
    const error = await rejection(new Numbers(id).smembers().promise);
    expect(error).to.be.instanceOf(CommandError);
    expect(error.cause).to.be.instanceOf(DecodeError);
    expect(error.message).to.contain(Numbers.redisKey(id)).and.to.contain('abc');
    const scan = new Numbers(id).sscan();
    expect(await rejection(scan.next())).to.be.instanceOf(DecodeError);
  });
});
