import type { Codec } from './codec.js';
import { refuse } from './utf8.js';

/** What {@link custom} needs: a name and the two conversions (plus `binary` for byte formats). */
export interface CustomCodecSpec<T> {
  /** Name shown in errors. */
  readonly name: string;
  /** When true, readers request Buffer replies. */
  readonly binary?: boolean;
  /** Value to stored form; throw (any error) to refuse the value. */
  encode(value: T): string | Buffer;
  /** Stored form to value; throw (any error) when it cannot be read. */
  decode(raw: string | Buffer): T;
}

/**
 * Makes a codec from your own conversions. Errors they throw are reported as InvalidValueError /
 * DecodeError (with key and member) by the keyspace and model layers; an `encode` that returns
 * something other than a string or Buffer is refused. Any object shaped like {@link Codec} also works
 * directly; `custom` only checks it and freezes it.
 *
 * @example
 * const Point = custom<{ x: number; y: number }>({
 *   name: 'Point',
 *   encode: ({ x, y }) => `${x},${y}`,
 *   decode: (raw) => { const [x, y] = String(raw).split(',').map(Number); return { x: x!, y: y! }; },
 * });
 */
export function custom<T>(spec: CustomCodecSpec<T>): Codec<T> {
  if (typeof spec !== 'object' || spec === null) throw new TypeError('custom(): expected { name, encode, decode }');
  const { name, binary } = spec;
  if (typeof name !== 'string' || name === '') throw new TypeError('custom(): name must be a non-empty string');
  if (typeof spec.encode !== 'function' || typeof spec.decode !== 'function') {
    throw new TypeError(`custom(${name}): encode and decode must be functions`);
  }
  const encode = spec.encode.bind(spec);
  const decode = spec.decode.bind(spec);
  return Object.freeze({
    name,
    binary: binary === true,
    encode(value: T): string | Buffer {
      const out: unknown = encode(value);
      if (typeof out !== 'string' && !Buffer.isBuffer(out)) {
        refuse(name, value, `encode returned ${out === null ? 'null' : typeof out}, not a string or Buffer`);
      }
      return out;
    },
    decode(raw: string | Buffer): T {
      return decode(raw);
    },
  });
}
