// The seed README's `increment_keys`: combine many results into one value with a callback that fills
// a Deferred we made ourselves, once the pipeline has executed.
import { autoexec, Deferred, derive, pipeline, type Pipeline } from 'redpipe';
import { printer } from './support.js';

export function incrementKeys(keys: readonly string[], pipe?: Pipeline): Deferred<number> {
  const ref = new Deferred<number>();
  autoexec(pipe, (p) => {
    const results = keys.map((key) => p.incr(key));
    // Runs after the root pipeline executed, when every deferred above is filled.
    p.onExecute(() => ref.set(results.reduce((sum, r) => sum + r.result, 0)));
  });
  return ref;
}

/**
 * The same total with derive(): no callback to register, and if an INCR fails the total fails with
 * that error (a Deferred set in onExecute would stay pending, since callbacks only run on success).
 */
export function sumOfIncrements(keys: readonly string[], pipe?: Pipeline): Deferred<number> {
  return autoexec(pipe, (p) => {
    const results = keys.map((key) => p.incr(key));
    return derive(results, () => results.reduce((sum, r) => sum + r.result, 0));
  });
}

const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from }, (_, i) => `key${from + i}`);

export const expected = ['alone: 100', 'first: 200 second: 100', 'derived: 300', 'derived failure: CommandError'];

export async function run(): Promise<string[]> {
  const { print, lines } = printer();

  // Now get the value on 100 keys: no pipe passed, so it pipelines internally (one round trip).
  print('alone:', await incrementKeys(range(0, 100)).promise);

  // Called twice with one pipe: 200 INCRs and both callbacks, still one round trip.
  const pipe = pipeline();
  const first = incrementKeys(range(0, 100), pipe);
  const second = incrementKeys(range(100, 200), pipe);
  await pipe.execute();
  print('first:', first.result, 'second:', second.result);

  print('derived:', await sumOfIncrements(range(0, 100)).promise);

  // A failing INCR (not an integer) fails the derived total too, so awaiting it never hangs.
  const setup = pipeline();
  setup.set('key7', 'seven');
  await setup.execute();
  await sumOfIncrements(range(0, 100))
    .promise.then(() => print('derived failure: none?'))
    .catch((error: Error) => print('derived failure:', error.name));

  return lines;
}
