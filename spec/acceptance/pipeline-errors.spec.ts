// Acceptance: DESIGN §2 — per-command errors, the aggregate error, connection failures, transactions.
import { expect } from 'chai';
import {
  CommandError,
  ConnectionFailedError,
  ConnectionNameTakenError,
  DeferredAlreadySettled,
  PipelineError,
  PipelineUsageError,
  RedpipeError,
  ResultNotReady,
  UnknownConnectionError,
  autoexec,
  connect,
  pipeline,
  reset,
} from '../../lib/index.js';
import { clientThroughProxy, newClient, startProxy, uniqueKey } from '../harness/index.js';
import { rejection, withConnections } from './pipeline-support.js';

describe('acceptance: pipeline errors and transactions', () => {
  const clients = withConnections();

  describe('errors', () => {
    it('every error is its own exported class extending RedpipeError', () => {
      const classes = [
        ResultNotReady,
        DeferredAlreadySettled,
        CommandError,
        ConnectionFailedError,
        UnknownConnectionError,
        PipelineError,
        ConnectionNameTakenError,
        PipelineUsageError,
      ];
      expect(new Set(classes).size).to.equal(classes.length);
      for (const cls of classes) expect(cls.prototype).to.be.instanceOf(RedpipeError);
      expect(RedpipeError.prototype).to.be.instanceOf(Error);
    });

    it('a rejected command fails only its own deferred; execute() rejects listing it (index, command, connection, cause)', async () => {
      const k = uniqueKey('greeting');
      const pipe = pipeline();
      const set = pipe.set(k, 'hello');
      const count = pipe.incr(k);
      const greeting = pipe.get(k);
      let ran = false;
      pipe.onExecute(() => (ran = true));
      const err = await rejection(pipe.execute());
      expect(err).to.be.instanceOf(PipelineError);
      expect(err).to.be.instanceOf(RedpipeError);
      const pe = err as PipelineError;
      expect(pe.name).to.equal('PipelineError');
      expect(pe.failures).to.have.length(1);
      const f = pe.failures[0] as CommandError;
      expect(f).to.be.instanceOf(CommandError);
      expect(f.index).to.equal(1);
      expect(f.command).to.equal(`INCR ${k}`);
      expect(f.connection).to.equal('default');
      expect((f.cause as Error).message).to.match(/not an integer/);
      expect(f.message).to.include(`INCR ${k}`).and.include('default').and.include('1').and.include('not an integer');
      expect(pe.message).to.include('INCR');
      expect(set.result).to.equal('OK');
      expect(greeting.result).to.equal('hello');
      expect(count.ready).to.equal(true);
      expect(count.error).to.equal(f);
      expect(() => count.result).to.throw(CommandError);
      expect(await rejection(count.promise)).to.equal(f);
      expect(ran).to.equal(false);
    });

    it('lists every failed command, across connections, with the right indexes', async () => {
      connect(clients.secondary, 'other');
      const s = uniqueKey();
      const t = uniqueKey();
      await clients.primary.set(s, 'x');
      await clients.secondary.set(t, 'y');
      const pipe = pipeline();
      const a = pipe.incr(s);
      const ok = pipe.get(s);
      const b = pipe.lpush(s, 'v');
      const c = autoexec(pipe, (p) => p.incr(t), { name: 'other' });
      const okOther = autoexec(pipe, (p) => p.get(t), { name: 'other' });
      const err = (await rejection(pipe.execute())) as PipelineError;
      expect(err.failures).to.have.length(3);
      const failed = err.failures as readonly CommandError[];
      expect(failed.map((f) => f.connection).sort()).to.deep.equal(['default', 'default', 'other']);
      // a command is described by its name and first argument (the key)
      expect(failed.map((f) => f.command).sort()).to.deep.equal([`INCR ${s}`, `INCR ${t}`, `LPUSH ${s}`].sort());
      expect(a.error).to.be.instanceOf(CommandError);
      expect(b.error).to.be.instanceOf(CommandError);
      expect(c.error).to.be.instanceOf(CommandError);
      expect((a.error as CommandError).index).to.equal(0);
      expect((b.error as CommandError).index).to.equal(2);
      expect([ok.result, okOther.result]).to.deep.equal(['x', 'y']);
    });

    it('a generic call() of an unknown command fails only its own deferred, naming the command', async () => {
      const pipe = pipeline();
      const k = uniqueKey();
      const before = pipe.incr(k);
      const bogus = pipe.call<string>('NOSUCHCOMMAND', 'a', 1);
      const after = pipe.incr(k);
      const err = (await rejection(pipe.execute())) as PipelineError;
      expect(err.failures).to.have.length(1);
      expect(bogus.error).to.be.instanceOf(CommandError);
      expect(bogus.error?.message.toUpperCase()).to.include('NOSUCHCOMMAND');
      expect([before.result, after.result]).to.deep.equal([1, 2]);
    });

    it('a dead connection fails all its deferreds with ConnectionFailedError; the other connection still works', async () => {
      const dead = newClient('secondary');
      await dead.ping();
      dead.disconnect();
      connect(dead, 'dead');
      const k = uniqueKey();
      const pipe = pipeline();
      const good = pipe.incr(k);
      const lost1 = autoexec(pipe, (p) => p.incr(k), { name: 'dead' });
      const lost2 = autoexec(pipe, (p) => p.get(k), { name: 'dead' });
      let ran = false;
      pipe.onExecute(() => (ran = true));
      const err = (await rejection(pipe.execute())) as PipelineError;
      expect(err).to.be.instanceOf(PipelineError);
      expect(err.failures.length).to.be.at.least(1);
      expect(err.failures.every((f) => f instanceof ConnectionFailedError)).to.equal(true);
      expect(err.message).to.include('dead');
      expect(lost1.error).to.be.instanceOf(ConnectionFailedError);
      expect(lost2.error).to.be.instanceOf(ConnectionFailedError);
      expect((lost1.error as ConnectionFailedError).connection).to.equal('dead');
      expect(good.result).to.equal(1);
      expect(ran).to.equal(false);
    });

    it('a connection killed mid-round-trip fails its deferreds with ConnectionFailedError, not CommandError', async () => {
      const victim = newClient('secondary');
      const id = await victim.client('ID');
      connect(victim, 'victim');
      const k = uniqueKey();
      const pipe = pipeline(undefined, { name: 'victim' });
      pipe.set(k, '1');
      const blocked = pipe.blpop(uniqueKey(), 3);
      const after = pipe.get(k);
      const killer = setTimeout(() => void clients.secondary.client('KILL', 'ID', String(id)), 200);
      const err = (await rejection(pipe.execute())) as PipelineError;
      clearTimeout(killer);
      expect(err).to.be.instanceOf(PipelineError);
      expect(blocked.error).to.be.instanceOf(ConnectionFailedError);
      expect(after.error).to.be.instanceOf(ConnectionFailedError);
      expect(err.failures.every((f) => f instanceof ConnectionFailedError)).to.equal(true);
    });

    it('a command deferred settled by hand before execute never leaves the other deferreds unfilled', async () => {
      const [a, b, c] = [uniqueKey(), uniqueKey(), uniqueKey()];
      const pipe = pipeline();
      const mine = pipe.incr(a);
      const other = pipe.incr(b);
      const failedByMe = pipe.incr(c);
      const last = pipe.get(b);
      mine.set(42);
      failedByMe.fail(new Error('mine'));
      await pipe.execute().catch(() => undefined);
      expect(mine.result).to.equal(42);
      expect(failedByMe.error?.message).to.equal('mine');
      expect([other.result, last.result]).to.deep.equal([1, '1']);
      const ghost = pipeline(undefined, { name: 'ghost' });
      const pre = ghost.get(a);
      const post = ghost.get(b);
      pre.set('x');
      expect(await rejection(ghost.execute())).to.be.instanceOf(PipelineError);
      expect(post.error).to.be.instanceOf(UnknownConnectionError);
    });

    it('a callback that throws makes execute() reject (it is not swallowed)', async () => {
      const pipe = pipeline();
      const d = pipe.incr(uniqueKey());
      pipe.onExecute(() => {
        throw new Error('callback broke');
      });
      const err = await rejection(pipe.execute());
      expect((err as Error).message).to.include('callback broke');
      expect(d.result).to.equal(1);
    });
  });

  describe('transaction: true', () => {
    it('wraps the commands in MULTI/EXEC: one round trip, real replies in the deferreds', async () => {
      const proxy = await startProxy('primary');
      reset();
      connect(await clientThroughProxy(proxy));
      const from = uniqueKey('alice');
      const to = uniqueKey('bob');
      await clients.primary.set(from, 100);
      proxy.reset();
      const tx = pipeline(undefined, { transaction: true });
      expect(tx.transaction).to.equal(true);
      const transfer = (amount: number) =>
        autoexec(tx, (p) => {
          p.decrby(from, amount);
          return p.incrby(to, amount);
        });
      const first = transfer(30);
      const second = transfer(15);
      const alice = tx.get(from);
      await tx.execute();
      expect(proxy.roundTrips).to.equal(1);
      expect([first.result, second.result, alice.result]).to.deep.equal([30, 45, '55']);
    });

    it('a command failing inside EXEC fails only its deferred; the rest is applied', async () => {
      const s = uniqueKey();
      const k = uniqueKey();
      const tx = pipeline(undefined, { transaction: true });
      tx.set(s, 'text');
      const bad = tx.incr(s);
      const good = tx.incr(k);
      const err = (await rejection(tx.execute())) as PipelineError;
      expect(err.failures).to.have.length(1);
      expect(bad.error).to.be.instanceOf(CommandError);
      expect((bad.error as CommandError).index).to.equal(1);
      expect(good.result).to.equal(1);
      expect(await clients.primary.get(s)).to.equal('text');
    });

    it('a command Redis refuses to queue (EXECABORT) discards the transaction: every deferred fails', async () => {
      const k = uniqueKey();
      const tx = pipeline(undefined, { transaction: true });
      const set = tx.set(k, 'v');
      const bogus = tx.call('NOSUCHCOMMAND');
      const wrongArity = tx.call('GET');
      const err = (await rejection(tx.execute())) as PipelineError;
      expect(err).to.be.instanceOf(PipelineError);
      for (const d of [set, bogus, wrongArity]) expect(d.error).to.be.instanceOf(ConnectionFailedError);
      expect(await clients.primary.exists(k)).to.equal(0);
    });

    it('nested pipelines follow their root (in the MULTI); a nested transaction flag does not make a root one', async () => {
      const k = uniqueKey();
      const tx = pipeline(undefined, { transaction: true });
      tx.set(k, 'v');
      autoexec(tx, (p) => p.call('NOSUCHCOMMAND'));
      await rejection(tx.execute());
      expect(await clients.primary.exists(k)).to.equal(0); // aborted together: nested was inside MULTI
      const plain = pipeline();
      plain.set(k, 'v');
      autoexec(plain, (p) => p.call('NOSUCHCOMMAND'), { transaction: true });
      await rejection(plain.execute());
      expect(await clients.primary.get(k)).to.equal('v');
    });

    it('a transaction over two connections is MULTI/EXEC on each, one round trip each', async () => {
      const a = await startProxy('primary');
      const b = await startProxy('secondary');
      reset();
      connect(await clientThroughProxy(a));
      connect(await clientThroughProxy(b), 'other');
      const k = uniqueKey();
      const tx = pipeline(undefined, { transaction: true });
      const x = tx.incr(k);
      const y = autoexec(tx, (p) => p.incr(k), { name: 'other' });
      const x2 = tx.incr(k);
      const y2 = autoexec(tx, (p) => p.incrby(k, 10), { name: 'other' });
      await tx.execute();
      expect([x.result, x2.result, y.result, y2.result]).to.deep.equal([1, 2, 1, 11]);
      expect([a.roundTrips, b.roundTrips]).to.deep.equal([1, 1]);
    });
  });
});
