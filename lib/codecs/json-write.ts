import { pyFloatRepr } from './python-number.js';
import { refuse, typeName } from './utf8.js';

/**
 * A finite number as Python's `json.dumps` writes it: safe integers as integer literals (Python
 * ints), any other number as Python's float repr (`0.5`, `1e+16`, `-0.0`, `9007199254740992.0`), so
 * that no integer literal we write is beyond the safe range and every number reads back exactly.
 */
export function jsonNumber(x: number): string {
  if (Number.isSafeInteger(x) && !Object.is(x, -0)) return String(x);
  const repr = pyFloatRepr(x);
  return /[.e]/.test(repr) ? repr : `${repr}.0`;
}

/** Where in a JSON value something sits, for error reasons (`'[2].name'`, `'["a b"]'`). */
function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** `at [2].name` for nested places, `''` for the top-level value. */
function at(path: string): string {
  return path === '' ? '' : ` at ${path}`;
}

/** True for objects JSON can hold as objects: prototype `Object.prototype` or `null`. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A JSON string literal with U+FFFD escaped: a raw one in a stored reply then always means bytes that were not UTF-8. */
function jsonString(text: string): string {
  const literal = JSON.stringify(text);
  return literal.includes('\uFFFD') ? literal.replace(/\uFFFD/g, '\\ufffd') : literal;
}

/**
 * Serializes `value` as compact JSON, refusing (InvalidValueError for `codec`) anything that would not
 * read back deep-equal: NaN and ±Infinity, `undefined` (in arrays or as a property value), holes in
 * arrays, functions, symbols, bigints, cycles, and objects that are not plain (Date, Map, class
 * instances…). Numbers are written by {@link jsonNumber}. `toJSON` is never called.
 */
export function writeJson(codec: string, value: unknown): string {
  const parents = new Set<object>();
  const out: string[] = [];

  const fail = (reason: string): never => refuse(codec, value, reason);

  const write = (v: unknown, path: string): void => {
    switch (typeof v) {
      case 'string':
        out.push(jsonString(v));
        return;
      case 'number':
        if (!Number.isFinite(v)) fail(`${String(v)}${at(path)}: JSON cannot hold NaN or ±Infinity`);
        out.push(jsonNumber(v));
        return;
      case 'boolean':
        out.push(v ? 'true' : 'false');
        return;
      case 'object':
        if (v === null) {
          out.push('null');
          return;
        }
        if (parents.has(v)) fail(`a cycle${at(path)}: JSON cannot hold cyclic values`);
        parents.add(v);
        if (Array.isArray(v)) writeArray(v, path);
        else if (isPlainObject(v)) writeObject(v, path);
        else fail(`a ${typeName(v)}${at(path)}: only plain objects and arrays can be stored as JSON`);
        parents.delete(v);
        return;
      default:
        fail(`${typeof v === 'undefined' ? 'undefined' : `a ${typeof v}`}${at(path)}: JSON cannot hold it`);
    }
  };

  const writeArray = (items: readonly unknown[], path: string): void => {
    out.push('[');
    for (let i = 0; i < items.length; i++) {
      if (!(i in items)) fail(`a hole${at(childPath(path, i))}: sparse arrays cannot be stored as JSON`);
      if (i > 0) out.push(',');
      write(items[i], childPath(path, i));
    }
    out.push(']');
  };

  const writeObject = (obj: Record<string, unknown>, path: string): void => {
    const symbols = Object.getOwnPropertySymbols(obj).filter((s) =>
      Object.prototype.propertyIsEnumerable.call(obj, s),
    );
    if (symbols.length > 0) fail(`a symbol key${at(path)}: JSON cannot hold it`);
    out.push('{');
    let first = true;
    for (const key of Object.keys(obj)) {
      const item = obj[key];
      const itemPath = childPath(path, key);
      if (item === undefined) {
        fail(`undefined${at(itemPath)}: JSON would drop the property (delete it or use null)`);
      }
      if (!first) out.push(',');
      first = false;
      out.push(jsonString(key), ':');
      write(item, itemPath);
    }
    out.push('}');
  };

  try {
    write(value, '');
  } catch (error) {
    if (error instanceof RangeError) fail('nested too deeply to serialize');
    throw error;
  }
  return out.join('');
}
