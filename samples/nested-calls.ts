// The seed README's hundred nested calls: 100 calls of a reusable function, 200 commands, one pipeline.
import { pipeline } from 'redpipe';
import { incrementAndExpire } from './increment-and-expire.js';
import { printer } from './support.js';

export const expected = ['queued on the root: 200', 'results: 100, sum: 100', 'key0: 1 key99: 1'];

export async function run(): Promise<string[]> {
  const { print, lines } = printer();

  const pipe = pipeline();
  const results = Array.from({ length: 100 }, (_, i) => incrementAndExpire(`key${i}`, { pipe }));
  print('queued on the root:', pipe.size); // each call handed its two commands up
  await pipe.execute(); // 200 commands, one network round trip
  print(`results: ${results.length}, sum: ${results.reduce((sum, r) => sum + r.result, 0)}`);
  print('key0:', results[0].result, 'key99:', results[99].result);

  return lines;
}
