// DESIGN §2: `transaction: true` sends each connection's commands as one MULTI/EXEC (one round trip).
// Redis semantics: a runtime error fails only its command (no rollback); a queue-time error aborts EXEC.
import { expect } from 'chai';
import {
  autoexec,
  CommandError,
  ConnectionFailedError,
  connect,
  pipeline,
  PipelineError,
  reset,
} from '../../lib/index.js';
import { clientThroughProxy, newClient, startProxy, uniqueKey } from '../harness/index.js';
import { useServers } from '../harness/servers.js';
import { existing, rejection } from './support.js';

describe('pipeline: transactions', () => {
  const servers = useServers('other');

  it('apply every command and fill every deferred, nested ones included', async () => {
    const [k1, k2] = [uniqueKey(), uniqueKey()];
    const tx = pipeline(undefined, { transaction: true });
    const a = tx.incr(k1);
    const b = autoexec(tx, (p) => p.incrby(k1, 10));
    const c = autoexec(tx, (p) => p.set(k2, 'on other'), { name: 'other' });
    await tx.execute();
    expect([a.result, b.result, c.result]).to.deep.equal([1, 11, 'OK']);
    expect(await servers.secondary.get(k2)).to.equal('on other');
  });

  it('are one round trip per connection (MULTI … EXEC sent together)', async () => {
    const proxy = await startProxy('primary');
    reset();
    connect(await clientThroughProxy(proxy));
    const key = uniqueKey();
    const tx = pipeline(undefined, { transaction: true });
    const results = Array.from({ length: 10 }, () => tx.incr(key));
    await tx.execute();
    expect(results.map((r) => r.result)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(proxy.roundTrips).to.equal(1);
  });

  it('a runtime failure inside EXEC (INCR on a hash) fails only that command; the others are applied', async () => {
    const [hash, k1, k2] = [uniqueKey('h'), uniqueKey(), uniqueKey()];
    await servers.primary.hset(hash, 'f', 'v');
    let callbackRan = false;
    const tx = pipeline(undefined, { transaction: true });
    const before = tx.set(k1, 'a');
    const bad = tx.incr(hash);
    const after = tx.incr(k2);
    tx.onExecute(() => (callbackRan = true));
    const error = (await rejection(tx.execute())) as PipelineError;
    expect(error).to.be.instanceOf(PipelineError);
    expect(error.failures).to.have.length(1);
    expect(error.failures[0]).to.equal(bad.error);
    expect(bad.error).to.be.instanceOf(CommandError);
    expect((bad.error as CommandError).index).to.equal(1);
    expect(bad.error?.message).to.include('WRONGTYPE');
    expect([before.result, after.result]).to.deep.equal(['OK', 1]);
    expect(await servers.primary.mget(k1, k2)).to.deep.equal(['a', '1'], 'no rollback');
    expect(callbackRan).to.equal(false);
  });

  it('a queue-time error (wrong number of arguments) aborts the whole EXEC: nothing applied, every deferred failed', async () => {
    const [k1, k2, k3] = [uniqueKey(), uniqueKey(), uniqueKey()];
    const tx = pipeline(undefined, { transaction: true });
    const before = tx.set(k1, 'a');
    const bad = tx.call('set', k2);
    const after = tx.incr(k3);
    const error = (await rejection(tx.execute())) as PipelineError;
    expect(error).to.be.instanceOf(PipelineError);
    expect(await existing(servers.primary, [k1, k2, k3])).to.deep.equal([false, false, false]);
    for (const d of [before, bad, after]) {
      expect(d.ready).to.equal(true);
      expect(d.error).to.be.instanceOf(ConnectionFailedError);
    }
    const failure = before.error as ConnectionFailedError;
    expect(failure.connection).to.equal('default');
    expect(failure.message).to.include('EXECABORT');
    expect(error.failures).to.deep.equal([failure]);
  });

  it('an aborted EXEC on one connection does not abort the other connection transaction', async () => {
    const [k1, k2] = [uniqueKey(), uniqueKey()];
    const tx = pipeline(undefined, { transaction: true });
    tx.call('set', k1);
    const other = autoexec(tx, (p) => p.set(k2, 'x'), { name: 'other' });
    const error = (await rejection(tx.execute())) as PipelineError;
    expect(error.failures).to.have.length(1);
    expect(other.result).to.equal('OK');
    expect(await servers.secondary.get(k2)).to.equal('x');
  });

  it('the root decides: a nested pipeline cannot opt out of (or into) the transaction', async () => {
    const key = uniqueKey();
    const tx = pipeline(undefined, { transaction: true });
    const nested = pipeline(tx, { transaction: false });
    expect(nested.transaction).to.equal(true);
    nested.call('set', key); // queue-time error: would abort only itself outside a transaction
    const sibling = tx.set(uniqueKey(), 'x');
    await nested.execute();
    await tx.execute().catch(() => undefined);
    expect(sibling.error).to.be.instanceOf(ConnectionFailedError);
    expect(pipeline(pipeline(), { transaction: true }).transaction).to.equal(false);
  });

  it('is atomic: another client hammering the same key never lands between its commands', async function () {
    this.timeout(10_000);
    const key = uniqueKey();
    const hammer = newClient('primary');
    const hammered: number[] = [];
    let stop = false;
    let hammerRound = 0;
    // Batches of 50 INCRs, one after the other, until the transaction is done and 3 more batches ran.
    const hammering = (async () => {
      let extra = 3;
      while (!stop || extra-- > 0) {
        const replies = await hammer.pipeline(Array.from({ length: 50 }, () => ['incr', key])).exec();
        for (const [, value] of replies ?? []) hammered.push(value as number);
        hammerRound++;
      }
    })();
    while (hammerRound < 3) await new Promise((resolve) => setTimeout(resolve, 1));

    const tx = pipeline(undefined, { transaction: true });
    const ours = Array.from({ length: 20_000 }, () => tx.incr(key));
    await tx.execute();
    stop = true;
    await hammering;

    const values = ours.map((d) => d.result);
    const first = values[0]!;
    expect(values.every((v, i) => v === first + i)).to.equal(true, 'consecutive: nothing ran in between');
    expect(hammered.some((v) => v < first)).to.equal(true, 'the hammer ran before');
    expect(hammered.some((v) => v > first + values.length - 1)).to.equal(true, 'and after');
    expect(Number(await servers.primary.get(key))).to.equal(values.length + hammered.length);
  });
});
