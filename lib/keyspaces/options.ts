// Options objects are read key by key, so a misspelled option (`withscores`, `EX`) would be silently
// ignored. checkOptions refuses, before anything is queued, an options argument that is not a plain
// object or that holds a key its command does not know.
import { InvalidArgumentError } from './errors.js';

/** The option names of an options type (of every member, for a union such as RangeStoreOptions). */
export type OptionName<T> = T extends unknown ? keyof T & string : never;

/**
 * The list of every option of `T`, kept next to the type: `optionNames<ZAddOptions>()(['nx', 'xx', …])`.
 * A list naming an option `T` lacks, or leaving one out, does not compile, so the two cannot drift.
 */
export function optionNames<T extends object>(): <const L extends readonly OptionName<T>[]>(names: L, ...leftOut: LeftOut<T, L>) => L {
  return <const L extends readonly OptionName<T>[]>(names: L, ..._leftOut: LeftOut<T, L>): L => names;
}

/** Nothing when `L` names every option of `T`; else a required argument whose type lists the ones left out. */
type LeftOut<T, L extends readonly unknown[]> =
  [Exclude<OptionName<T>, L[number]>] extends [never] ? [] : [leftOut: Exclude<OptionName<T>, L[number]>];

/**
 * Refuses `options` unless it is undefined or a plain object whose own keys are all in `known`:
 * throws InvalidArgumentError naming the command, the key and each unknown option (with a
 * "did you mean" for a case or spelling variant of a known one). Allocates nothing when the options are good.
 */
export function checkOptions(command: string, key: string, options: unknown, known: readonly string[]): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || !isPlainObject(options)) {
    throw new InvalidArgumentError(command, key, `options must be a plain object (${listed(known)}), got ${describe(options)}`);
  }
  for (const name in options) {
    if (!known.includes(name) && hasOwn(options, name)) throw unknownOptions(command, key, options, known);
  }
}

function unknownOptions(command: string, key: string, options: object, known: readonly string[]): InvalidArgumentError {
  const unknown = Object.keys(options).filter((name) => !known.includes(name));
  const named = unknown.map((name) => {
    const near = nearest(name, known);
    return near === undefined ? `'${name}'` : `'${name}' (did you mean '${near}'?)`;
  });
  const reason = `unknown option${unknown.length > 1 ? 's' : ''} ${named.join(', ')}; known options: ${listed(known)}`;
  return new InvalidArgumentError(command, key, reason);
}

const hasOwn = (target: object, name: string): boolean => Object.prototype.hasOwnProperty.call(target, name);

/** An object literal, `Object.create(null)` or an object of another realm; not an array, Map, Date, class instance. */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

function listed(known: readonly string[]): string {
  return known.length === 0 ? 'none' : known.join(', ');
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'object' || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  const name = (value.constructor as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object';
}

/** The known option `name` is a case or spelling variant of (`withscores`, `with_scores`, `withScore`), if any. */
function nearest(name: string, known: readonly string[]): string | undefined {
  const wanted = normalized(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const other = normalized(candidate);
    if (other === wanted) return candidate;
    const shorter = Math.min(wanted.length, other.length);
    const allowed = shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
    const distance = editDistance(wanted, other);
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function normalized(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/** Levenshtein distance (only computed when an option is refused). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
