// Acceptance: typing of the pipeline API (checked by tsc when the suite is built; never executed against Redis).
import { expect } from 'chai';
import { Deferred, Pipeline, autoexec, derive, pipeline } from '../../lib/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_: T): void {}

/** Never called: only has to compile (or, on @ts-expect-error lines, fail to). */
function typeChecks(pipe: Pipeline): void {
  const n = pipe.incr('k');
  const s = pipe.get('k');
  assertType<Equal<typeof n, Deferred<number>>>(true);
  assertType<Equal<typeof s, Deferred<string | null>>>(true);
  assertType<Equal<typeof n.result, number>>(true);
  assertType<Equal<typeof s.promise, Promise<string | null>>>(true);
  assertType<Equal<ReturnType<typeof pipe.getBuffer>, Deferred<Buffer | null>>>(true);
  assertType<Equal<ReturnType<typeof pipe.hgetall>, Deferred<Record<string, string>>>>(true);
  assertType<Equal<ReturnType<typeof pipe.call<number>>, Deferred<number>>>(true);
  const r = autoexec(pipe, (p) => p.incr('k'));
  assertType<Equal<typeof r, Deferred<number>>>(true);
  const d = derive([n, s], () => `${n.result}${s.result ?? ''}`);
  assertType<Equal<typeof d, Deferred<string>>>(true);
  const mine = new Deferred<number>();
  mine.set(1);
  // @ts-expect-error: incr takes a key, not an object
  pipe.incr({ key: 'k' });
  // @ts-expect-error: incrby needs its amount
  pipe.incrby('k');
  // @ts-expect-error: a number result is not a string
  const wrong: string = n.result;
  // @ts-expect-error: get may be null
  const notNull: string = s.result;
  // @ts-expect-error: a user Deferred<number> takes numbers only
  mine.set('1');
  // @ts-expect-error: a deferred is not thenable, so awaiting it does not give a number
  const awaited: Promise<number> = (async () => await n)();
  // @ts-expect-error: connection-state commands are not queued on a pipeline
  pipe.multi();
  // @ts-expect-error: unknown pipeline option
  pipeline(undefined, { nmae: 'x' });
  void [wrong, notNull, awaited];
}

describe('acceptance: pipeline typing', () => {
  it('compiles (the checks run in tsc)', () => {
    expect(typeChecks).to.be.a('function');
  });
});
