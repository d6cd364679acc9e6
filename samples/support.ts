// Shared by the samples: print a line (as console.log would) and keep it, so run-all can check it.
import { format } from 'node:util';

/** What a sample module exports: `run()` prints and returns its lines; `expected` is what they must be. */
export interface SampleModule {
  run(): Promise<string[]>;
  /** One entry per line: an exact string, or a RegExp for a line that may vary between runs. */
  readonly expected: readonly (string | RegExp)[];
}

/** A `print` that works like console.log and also records each line in `lines`. */
export function printer(): { print: (...values: unknown[]) => void; lines: string[] } {
  const lines: string[] = [];
  const print = (...values: unknown[]): void => {
    const line = format(...values);
    console.log(line);
    lines.push(line);
  };
  return { print, lines };
}
