// The seed README's `incr_expire`, written with autoexec(): the function's commands are executed (or
// handed up to the caller's pipe) as soon as it returns, unless it throws.
import { autoexec, pipeline, type Deferred, type Pipeline } from 'redpipe';
import { printer } from './support.js';

export function incrExpire(key: string, secs: number, pipe?: Pipeline): Deferred<number> {
  return autoexec(pipe, (p) => {
    const res = p.incr(key); // the seed increments 'foo' here whatever the key: a typo, fixed
    p.expire(key, secs);
    return res;
  });
}

export const expected = ['1', 'inside a pipeline: 2 3', 'ttl: 30'];

export async function run(): Promise<string[]> {
  const { print, lines } = printer();

  // Alone, autoexec starts the round trip at once; the deferred's promise settles when it is back.
  print(await incrExpire('foo', 30).promise);

  // With a pipe, the commands join it and go out when the caller executes.
  const pipe = pipeline();
  const second = incrExpire('foo', 30, pipe);
  const third = incrExpire('foo', 30, pipe);
  const ttl = pipe.ttl('foo');
  await pipe.execute();
  print('inside a pipeline:', second.result, third.result);
  print('ttl:', ttl.result);

  return lines;
}
