// DESIGN §2: onExecute callbacks run after a successful execute, in registration order; a nested
// pipeline's callbacks count as registered when it hands its queue up; every deferred is filled first.
import { expect } from 'chai';
import { autoexec, pipeline, PipelineError } from '../../lib/index.js';
import { uniqueKey } from '../harness/index.js';
import { useServers } from '../harness/servers.js';
import { rejection } from './support.js';

describe('pipeline: onExecute callbacks', () => {
  const servers = useServers('other');

  it('run in registration order after execute, and not before', async () => {
    const order: string[] = [];
    const pipe = pipeline();
    pipe.incr(uniqueKey());
    pipe.onExecute(() => order.push('first'));
    pipe.onExecute(() => order.push('second'));
    pipe.onExecute(() => order.push('third'));
    expect(order).to.deep.equal([]);
    await pipe.execute();
    expect(order).to.deep.equal(['first', 'second', 'third']);
  });

  it('run even when nothing was queued', async () => {
    const order: string[] = [];
    const pipe = pipeline();
    pipe.onExecute(() => order.push('ran'));
    await pipe.execute();
    expect(order).to.deep.equal(['ran']);
  });

  it('a nested pipeline callbacks count at hand-up: root A, child B, root C, child executes last → A, C, B', async () => {
    const order: string[] = [];
    const root = pipeline();
    root.onExecute(() => order.push('A'));
    const child = pipeline(root);
    child.incr(uniqueKey());
    child.onExecute(() => order.push('B'));
    root.onExecute(() => order.push('C'));
    await child.execute(); // hands up now: B is registered after C
    await root.execute();
    expect(order).to.deep.equal(['A', 'C', 'B']);
  });

  it('sibling nested pipelines run their callbacks in the order they executed (redpipe reversed them)', async () => {
    const order: string[] = [];
    const root = pipeline();
    autoexec(root, (p) => p.onExecute(() => order.push('first sibling')));
    autoexec(root, (p) => p.onExecute(() => order.push('second sibling')));
    root.onExecute(() => order.push('root, after both'));
    await root.execute();
    expect(order).to.deep.equal(['first sibling', 'second sibling', 'root, after both']);
  });

  it('siblings made in one order but executed in the other run in execution order', async () => {
    const order: string[] = [];
    const root = pipeline();
    const one = pipeline(root);
    const two = pipeline(root);
    one.onExecute(() => order.push('one'));
    two.onExecute(() => order.push('two'));
    await two.execute();
    await one.execute();
    await root.execute();
    expect(order).to.deep.equal(['two', 'one']);
  });

  it('a deeper level hands its callbacks to its parent, which hands them on when it executes', async () => {
    const order: string[] = [];
    const root = pipeline();
    const middle = pipeline(root);
    middle.onExecute(() => order.push('middle 1'));
    autoexec(middle, (leaf) => leaf.onExecute(() => order.push('leaf')));
    middle.onExecute(() => order.push('middle 2'));
    root.onExecute(() => order.push('root (registered before middle hands up)'));
    await middle.execute();
    await root.execute();
    expect(order).to.deep.equal(['root (registered before middle hands up)', 'middle 1', 'leaf', 'middle 2']);
  });

  it('every deferred, on every connection and at every level, is filled before the first callback runs', async () => {
    const root = pipeline();
    const all: { readonly result: unknown }[] = [];
    let seen: unknown[] | undefined;
    // Registered first, before any command is queued: it must still see every result.
    root.onExecute(() => {
      seen = all.map((d) => d.result);
    });
    const keys = Array.from({ length: 6 }, () => uniqueKey());
    all.push(root.incr(keys[0]!));
    autoexec(root, (p) => {
      all.push(p.incrby(keys[1]!, 5));
      autoexec(p, (q) => all.push(q.set(keys[2]!, 'x')), { name: 'other' });
    });
    const other = pipeline(root, { name: 'other' });
    all.push(other.incrby(keys[3]!, 7));
    await other.execute();
    all.push(root.get(keys[2]!)); // default connection: the 'x' went to 'other'
    all.push(root.call('incrbyfloat', keys[4]!, '1.5'));
    await root.execute();
    expect(seen).to.deep.equal([1, 5, 'OK', 7, null, '1.5']);
    expect(await servers.secondary.get(keys[2]!)).to.equal('x');
  });

  it('do not run when a command failed, and the execute rejects', async () => {
    const hash = uniqueKey('h');
    await servers.primary.hset(hash, 'f', 'v');
    const order: string[] = [];
    const root = pipeline();
    root.onExecute(() => order.push('root'));
    autoexec(root, (p) => {
      p.incr(hash);
      p.onExecute(() => order.push('nested'));
    });
    expect(await rejection(root.execute())).to.be.instanceOf(PipelineError);
    expect(order).to.deep.equal([]);
  });

  it('do not run when another connection failed', async () => {
    const hash = uniqueKey('h');
    await servers.secondary.hset(hash, 'f', 'v');
    const order: string[] = [];
    const root = pipeline();
    const ok = root.incr(uniqueKey());
    root.onExecute(() => order.push('root'));
    const nested = pipeline(root, { name: 'other' });
    nested.incr(hash);
    await nested.execute();
    expect(await rejection(root.execute())).to.be.instanceOf(PipelineError);
    expect(ok.result).to.equal(1, 'the healthy connection still filled its deferred');
    expect(order).to.deep.equal([]);
  });

  it('run once: a second execute of the root does not run them again', async () => {
    let runs = 0;
    const root = pipeline();
    root.incr(uniqueKey());
    root.onExecute(() => runs++);
    await root.execute();
    await root.execute();
    expect(runs).to.equal(1);
  });
});
