// The seed README's "Getting Started": queue two INCRs, execute once, then read both results.
import { pipeline } from 'redpipe';
import { printer } from './support.js';

export const expected = ['ready before execute: false', '[ 1, 1 ]'];

export async function run(): Promise<string[]> {
  const { print, lines } = printer();

  const pipe = pipeline();
  const foo = pipe.incr('foo'); // a Deferred<number>, returned at once
  const bar = pipe.incr('bar');
  print('ready before execute:', foo.ready); // nothing has been sent yet
  await pipe.execute(); // one round trip for both commands
  print([foo.result, bar.result]);

  return lines;
}
