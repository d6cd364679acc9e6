import type { Codec } from './codec.js';
import { DecodeError } from './errors.js';
import { JsonSyntaxError, readJson } from './json-read.js';
import { isPlainObject, writeJson } from './json-write.js';
import { refuse, replyText, typeName, unreadable } from './utf8.js';

/** A JSON scalar. */
export type JsonPrimitive = string | number | boolean | null;
/** Any value JSON can hold. */
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
/** A JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Parses a stored JSON reply for `codec`, turning syntax errors and deep nesting into DecodeErrors. */
function parseReply(codec: string, raw: string | Buffer): unknown {
  const text = replyText(codec, raw);
  try {
    return readJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      throw new DecodeError({ codec, raw, reason: error.message }, { cause: error });
    }
    if (error instanceof RangeError) {
      throw new DecodeError({ codec, raw, reason: 'JSON nested too deeply' }, { cause: error });
    }
    throw error;
  }
}

/**
 * A JSON array (Python redpipe's `ListField`), written as compact JSON (`[1,"a"]`). Reads any JSON
 * Python's `json.dumps` writes, including `NaN` / `Infinity` tokens, `', '` spacing and `\u00e9`
 * escapes. Refuses non-arrays and anything JSON cannot hold exactly (NaN, ±Infinity, undefined,
 * functions, bigints, cycles, class instances).
 *
 * @example
 * List.encode([1, 'a', { b: null }]); // '[1,"a",{"b":null}]'
 * List.decode('[1, "a"]');            // [1, 'a']
 */
export const List: Codec<JsonValue[]> = Object.freeze({
  name: 'List',
  encode(value: JsonValue[]): string {
    if (!Array.isArray(value)) refuse('List', value, `expected an array, got ${typeName(value)}`);
    return writeJson('List', value);
  },
  decode(raw: string | Buffer): JsonValue[] {
    const value = parseReply('List', raw);
    if (!Array.isArray(value)) unreadable('List', raw, `the JSON is ${typeName(value)}, not an array`);
    return value as JsonValue[];
  },
});

/**
 * A JSON object (Python redpipe's `DictField`), written as compact JSON. Only plain objects are
 * accepted (not Dates, Maps or class instances); reads like {@link List}.
 *
 * @example
 * Dict.encode({ a: 1, b: 'é' });           // '{"a":1,"b":"é"}'
 * Dict.decode('{"a": 1, "b": "\\u00e9"}'); // { a: 1, b: 'é' }
 */
export const Dict: Codec<JsonObject> = Object.freeze({
  name: 'Dict',
  encode(value: JsonObject): string {
    if (!isPlainObject(value)) refuse('Dict', value, `expected a plain object, got ${typeName(value)}`);
    return writeJson('Dict', value);
  },
  decode(raw: string | Buffer): JsonObject {
    const value = parseReply('Dict', raw);
    if (!isPlainObject(value)) unreadable('Dict', raw, `the JSON is ${typeName(value)}, not an object`);
    return value as JsonObject;
  },
});

/** Options of {@link Json}. */
export interface JsonOptions {
  /** Name shown in errors; defaults to `'Json'`. */
  readonly name?: string;
  /** Checks the shape of values on write and on read (e.g. a type guard); false refuses the value. */
  readonly guard?: (value: unknown) => boolean;
}

/**
 * Typed JSON of any JSON value (object, array, string, number, boolean, null), with the strictness
 * of {@link List}. The type parameter is not checked at run time unless a `guard` is given.
 *
 * @example
 * const Settings = Json<{ theme: string }>({ guard: (v) => typeof v === 'object' && v !== null });
 * Settings.encode({ theme: 'dark' }); // '{"theme":"dark"}'
 */
export function Json<T = JsonValue>(options: JsonOptions = {}): Codec<T> {
  const name = options.name ?? 'Json';
  const guard = options.guard;
  return Object.freeze({
    name,
    encode(value: T): string {
      const text = writeJson(name, value);
      if (guard !== undefined && !guard(value)) refuse(name, value, 'refused by the guard');
      return text;
    },
    decode(raw: string | Buffer): T {
      const value = parseReply(name, raw);
      if (guard !== undefined && !guard(value)) unreadable(name, raw, 'refused by the guard');
      return value as T;
    },
  });
}
