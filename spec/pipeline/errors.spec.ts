// DESIGN §2: a command Redis rejects fails only its own deferred (CommandError naming command, key, index
// and connection, with the Redis error as cause); execute() rejects with one PipelineError listing every
// failure; callbacks do not run.
import { expect } from 'chai';
import { ReplyError } from 'ioredis';
import { CommandError, pipeline, PipelineError } from '../../lib/index.js';
import { uniqueKey } from '../harness/index.js';
import { useServers } from '../harness/servers.js';
import { rejection } from './support.js';

describe('pipeline: rejected commands', () => {
  const servers = useServers('other');

  it('INCR on a hash fails only its own deferred; the others (before and after it) are filled', async () => {
    const [hash, k1, k2] = [uniqueKey('h'), uniqueKey(), uniqueKey()];
    await servers.primary.hset(hash, 'f', 'v');
    let callbackRan = false;
    const pipe = pipeline();
    const before = pipe.set(k1, 'a');
    const bad = pipe.incr(hash);
    const after = pipe.incr(k2);
    const read = pipe.hget(hash, 'f');
    pipe.onExecute(() => (callbackRan = true));
    const error = await rejection(pipe.execute());

    expect(before.result).to.equal('OK');
    expect(after.result).to.equal(1);
    expect(read.result).to.equal('v');
    expect(await servers.primary.mget(k1, k2)).to.deep.equal(['a', '1']);

    expect(bad.ready).to.equal(true);
    const failure = bad.error as CommandError;
    expect(failure).to.be.instanceOf(CommandError);
    expect(() => bad.result).to.throw(CommandError);
    expect(failure.index).to.equal(1);
    expect(failure.command).to.equal(`INCR ${hash}`);
    expect(failure.connection).to.equal('default');
    expect(failure.message).to.include('INCR').and.include(hash).and.include('#1').and.include("'default'");
    expect(failure.message).to.include('WRONGTYPE');
    expect(failure.cause).to.be.instanceOf(ReplyError);
    expect((failure.cause as Error).message).to.match(/^WRONGTYPE/);

    expect(error).to.be.instanceOf(PipelineError);
    expect((error as PipelineError).failures).to.deep.equal([failure]);
    expect((error as Error).message).to.include('1 failure').and.include(failure.message);
    expect(callbackRan).to.equal(false);
  });

  it('lists every failure, with indexes counted over the whole queue and the right connection', async () => {
    const [hashA, hashB, k] = [uniqueKey('h'), uniqueKey('h'), uniqueKey()];
    await servers.primary.hset(hashA, 'f', 'v');
    await servers.secondary.hset(hashB, 'f', 'v');
    const root = pipeline();
    const okA = root.incr(k); // #0
    const badA = root.incr(hashA); // #1
    const other = pipeline(root, { name: 'other' });
    const okB = other.set(k, 'on other'); // #2
    const badB = other.lpush(hashB, 'x'); // #3
    await other.execute();
    const badArgs = root.call('get'); // #4: wrong number of arguments
    const error = (await rejection(root.execute())) as PipelineError;

    expect(error).to.be.instanceOf(PipelineError);
    const described = error.failures.map((f) => {
      const c = f as CommandError;
      return [c.index, c.command, c.connection];
    });
    expect(described).to.have.deep.members([
      [1, `INCR ${hashA}`, 'default'],
      [3, `LPUSH ${hashB}`, 'other'],
      [4, 'GET', 'default'],
    ]);
    expect(error.message).to.include('3 failures');
    expect([okA.result, okB.result]).to.deep.equal([1, 'OK']);
    for (const bad of [badA, badB, badArgs]) expect(bad.error).to.be.instanceOf(CommandError);
    expect((badArgs.error as CommandError).message).to.match(/wrong number of arguments/i);
    expect(await servers.secondary.get(k)).to.equal('on other');
  });

  it('a failure on one connection leaves the other connection deferreds filled', async () => {
    const hash = uniqueKey('h');
    await servers.secondary.hset(hash, 'f', 'v');
    const keys = Array.from({ length: 5 }, () => uniqueKey());
    const root = pipeline();
    const good = keys.map((key) => root.incr(key));
    const other = pipeline(root, { name: 'other' });
    const bad = other.incr(hash);
    const alsoGood = other.incr(keys[0]!);
    await other.execute();
    const error = (await rejection(root.execute())) as PipelineError;
    expect(error.failures).to.have.length(1);
    expect(good.map((d) => d.result)).to.deep.equal([1, 1, 1, 1, 1]);
    expect(alsoGood.result).to.equal(1);
    expect(bad.error).to.be.instanceOf(CommandError);
  });

  it('.promise of a failed command rejects with the same CommandError', async () => {
    const hash = uniqueKey('h');
    await servers.primary.hset(hash, 'f', 'v');
    const pipe = pipeline();
    const bad = pipe.incr(hash);
    const good = pipe.incr(uniqueKey());
    await pipe.execute().catch(() => undefined);
    expect(await rejection(bad.promise)).to.equal(bad.error);
    expect(await good.promise).to.equal(1);
  });
});
