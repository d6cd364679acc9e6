// DESIGN §2: every Redis command ioredis knows is a queuing method; the typed generic call(); Buffer
// replies through the …Buffer twins and callBuffer().
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { connect, pipeline, reset, type Pipeline } from '../../lib/index.js';
import { newClient, uniqueKey } from '../harness/index.js';

describe('pipeline: command methods', () => {
  let redis: Redis;

  beforeEach(() => {
    reset();
    redis = newClient('primary');
    connect(redis);
  });
  afterEach(() => reset());

  it('common commands queue and return the reply ioredis would give', async () => {
    const [s, h, l, z, missing] = [uniqueKey('s'), uniqueKey('h'), uniqueKey('l'), uniqueKey('z'), uniqueKey()];
    const pipe = pipeline();
    const set = pipe.set(s, 'v', 'EX', 60);
    const get = pipe.get(s);
    const none = pipe.get(missing);
    pipe.hset(h, { a: '1', b: '2' });
    const all = pipe.hgetall(h);
    const empty = pipe.hgetall(missing);
    const pushed = pipe.rpush(l, 'x', 'y', 'z');
    const range = pipe.lrange(l, 0, -1);
    pipe.zadd(z, 2, 'two', 1, 'one');
    const scored = pipe.zrange(z, 0, '-1', 'WITHSCORES'); // stop as text: ioredis 6.0.0 types ZRANGE's stop as string | Buffer (redis/ioredis#2162)
    const exists = pipe.exists(s, h, missing);
    await pipe.execute();
    expect(set.result).to.equal('OK');
    expect(get.result).to.equal('v');
    expect(none.result).to.equal(null);
    expect(all.result).to.deep.equal({ a: '1', b: '2' });
    expect(empty.result).to.deep.equal({});
    expect(pushed.result).to.equal(3);
    expect(range.result).to.deep.equal(['x', 'y', 'z']);
    expect(scored.result).to.deep.equal(['one', '1', 'two', '2']);
    expect(exists.result).to.equal(2);
  });

  it('call() queues any command by name (any case) and types its reply', async () => {
    const key = uniqueKey();
    const pipe = pipeline();
    const set = pipe.call<string>('SET', key, 'hello');
    const incr = pipe.call<number>('incrby', uniqueKey(), 5);
    const len = pipe.call<number>('StrLen', key);
    const encoding = pipe.call<string>('object', 'encoding', key);
    await pipe.execute();
    expect(set.result).to.equal('OK');
    expect(incr.result).to.equal(5);
    expect(len.result).to.equal(5);
    expect(encoding.result).to.be.a('string');
  });

  it('getBuffer / callBuffer / hgetallBuffer return Buffers with the exact bytes', async () => {
    const [key, hash] = [uniqueKey(), uniqueKey('h')];
    const bytes = Buffer.from([0xff, 0x00, 0xfe, 0x80, 0x0a]);
    const pipe = pipeline();
    pipe.set(key, bytes);
    pipe.hset(hash, 'f', bytes);
    const asBuffer = pipe.getBuffer(key);
    const asString = pipe.get(key);
    const viaCall = pipe.callBuffer<Buffer>('get', key);
    const hashBuffers = pipe.hgetallBuffer(hash);
    const missing = pipe.getBuffer(uniqueKey());
    await pipe.execute();
    expect(Buffer.isBuffer(asBuffer.result)).to.equal(true);
    expect(asBuffer.result?.equals(bytes)).to.equal(true);
    expect(viaCall.result.equals(bytes)).to.equal(true);
    expect(typeof asString.result).to.equal('string');
    expect(hashBuffers.result['f']?.equals(bytes)).to.equal(true);
    expect(missing.result).to.equal(null);
    expect((await redis.getBuffer(key))?.equals(bytes)).to.equal(true);
  });

  it('exposes the ioredis command set, minus connection-state and pub/sub commands', () => {
    const pipe = pipeline() as Pipeline & Record<string, unknown>;
    for (const name of ['incr', 'pfadd', 'xadd', 'geoadd', 'eval', 'evalsha', 'object', 'setBuffer', 'xrangeBuffer']) {
      expect(pipe[name], name).to.be.a('function');
    }
    for (const name of ['multi', 'exec', 'watch', 'unwatch', 'subscribe', 'psubscribe', 'monitor', 'quit']) {
      expect(pipe[name], name).to.equal(undefined);
    }
    expect(pipe.discard).to.equal(pipeline().discard, "discard is the pipeline's own method");
  });

  it('EVAL runs a script inside the pipeline', async () => {
    const key = uniqueKey();
    const pipe = pipeline();
    const r = pipe.eval("return redis.call('incrby', KEYS[1], ARGV[1])", 1, key, 7);
    await pipe.execute();
    expect(r.result).to.equal(7);
  });
});
