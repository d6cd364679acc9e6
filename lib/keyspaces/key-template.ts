import { InvalidIdError, KeyspaceDefinitionError } from './errors.js';

/** Builds the Redis key of a record from the keyspace prefix and the record's id. */
export type KeyTemplate = (keyspace: string, id: string) => string;

/** redpipe's `prefix{id}`: every key of one id shares a cluster slot. */
export const braceKeyTemplate: KeyTemplate = (keyspace, id) => `${keyspace}{${id}}`;

/** What the template puts before and after the id, so keys can be parsed back and scanned. */
export interface KeyShape {
  readonly prefix: string;
  readonly suffix: string;
}

const ID_MARK = '\u0000id\u0000';

/** Splits a template around the id (the id must appear exactly once). */
export function keyShape(keyspace: string, template: KeyTemplate): KeyShape {
  const sample = template(keyspace, ID_MARK);
  const at = sample.indexOf(ID_MARK);
  if (at < 0 || sample.indexOf(ID_MARK, at + 1) >= 0) {
    throw new KeyspaceDefinitionError(`keyspace '${keyspace}': the key template must place the id exactly once`);
  }
  return { prefix: sample.slice(0, at), suffix: sample.slice(at + ID_MARK.length) };
}

/** Checks an id before any command is queued with it. */
export function checkId(keyspace: string, id: unknown): string {
  if (typeof id !== 'string') throw new InvalidIdError(keyspace, id, `ids are strings, got ${typeof id}`);
  if (id.length === 0) throw new InvalidIdError(keyspace, id, 'ids cannot be empty');
  if (id.includes('{') || id.includes('}')) {
    throw new InvalidIdError(keyspace, id, 'ids cannot contain { or } (they would move the cluster hash tag)');
  }
  return id;
}

/** The id inside `key`, or undefined when the key does not belong to this shape. */
export function idFromKey(shape: KeyShape, key: string): string | undefined {
  const { prefix, suffix } = shape;
  if (key.length <= prefix.length + suffix.length || !key.startsWith(prefix) || !key.endsWith(suffix)) return undefined;
  const id = key.slice(prefix.length, key.length - suffix.length);
  return id.includes('{') || id.includes('}') ? undefined : id;
}

/** Escapes Redis glob characters so a literal prefix matches only itself. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\^]/g, (c) => `\\${c}`);
}

/** The SCAN MATCH pattern of keys of this shape whose id matches `idPattern` (a Redis glob). */
export function scanPattern(shape: KeyShape, idPattern = '*'): string {
  return `${escapeGlob(shape.prefix)}${idPattern}${escapeGlob(shape.suffix)}`;
}
