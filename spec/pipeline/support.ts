// Shared by the pipeline specs: the seed README's reusable functions, and connection set-up helpers.
import type { Redis } from 'ioredis';
import { autoexec, Deferred, type Pipeline } from '../../lib/index.js';

/**
 * The seed's `increment_and_expire`: works alone (its own round trip) or nested in a caller's pipe.
 *
 *   def increment_and_expire(key, num=1, expire=60, pipe=None):
 *       pipe = redpipe.pipeline(pipe)
 *       ref = pipe.incrby(key, num)
 *       pipe.expire(key, expire)
 *       return ref
 */
export function incrementAndExpire(key: string, num = 1, expire = 60, pipe?: Pipeline): Deferred<number> {
  return autoexec(pipe, (p) => {
    const ref = p.incrby(key, num);
    p.expire(key, expire);
    return ref;
  });
}

/**
 * The seed's `increment_keys`: a user-made Deferred set in an onExecute callback with the sum of the
 * INCR of every key.
 */
export function incrementKeys(keys: readonly string[], pipe?: Pipeline): Deferred<number> {
  const ref = new Deferred<number>();
  autoexec(pipe, (p) => {
    const results = keys.map((key) => p.incr(key));
    p.onExecute(() => ref.set(results.reduce((sum, r) => sum + r.result, 0)));
  });
  return ref;
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, it resolved');
}

/** Settles when every key is checked: true for each key that exists on `client`. */
export async function existing(client: Redis, keys: readonly string[]): Promise<boolean[]> {
  return Promise.all(keys.map(async (key) => (await client.exists(key)) === 1));
}

/** Milliseconds since `start` (performance.now()). */
export function since(start: number): number {
  return performance.now() - start;
}
