// The seed README's reusable `increment_and_expire`: it takes an optional pipe, so a caller can
// batch many calls into one round trip, or call it alone and let it send its own pipeline.
import { pipeline, type Deferred, type Pipeline } from 'redpipe';
import { printer } from './support.js';

export interface IncrementOptions {
  num?: number;
  expire?: number;
  pipe?: Pipeline;
}

/** INCRBY `key` by `num` and (re)set its TTL: two commands that always travel together. */
export function incrementAndExpire(key: string, { num = 1, expire = 60, pipe }: IncrementOptions = {}): Deferred<number> {
  using p = pipeline(pipe, { autoexec: true }); // executed (or handed up to `pipe`) at the end of the block
  const ref = p.incrby(key, num);
  p.expire(key, expire);
  return ref;
}

export const expected = ['key1: 1 key2: 5', 'key1 alone: 2', 'ttl of key1: 60'];

export async function run(): Promise<string[]> {
  const { print, lines } = printer();

  // Pass a pipe: both calls (four commands) go out in the caller's single round trip.
  const pipe = pipeline();
  const key1 = incrementAndExpire('key1', { pipe });
  const key2 = incrementAndExpire('key2', { num: 5, pipe });
  await pipe.execute();
  print('key1:', key1.result, 'key2:', key2.result);

  // Or call it all by itself: it makes its own pipeline and sends it.
  const alone = incrementAndExpire('key1');
  print('key1 alone:', await alone.promise);

  const check = pipeline();
  const ttl = check.ttl('key1');
  await check.execute();
  print('ttl of key1:', ttl.result);

  return lines;
}
