import { decodeValue, encodeValue, type Codec } from '../codecs/codec.js';
import { Text } from '../codecs/text.js';
import { RequiredFieldError, UnknownFieldError } from './errors.js';
import type { FieldMeta, ModelMeta } from './metadata.js';
import { plainForWrite } from './transform.js';

/** What a write sends: HSET arguments (key first), members for HDEL, defaults to apply locally. */
export interface EncodedWrite {
  /** `[key, member, value, member, value…]`; nothing to write when it holds only the key. */
  readonly hset: (string | Buffer)[];
  readonly remove: string[] | undefined;
  /** Properties filled from defaults, applied locally once the write executed. */
  readonly defaults: [property: string, value: unknown][] | undefined;
}

/** Encodes one field value; the error names model, field and key. */
export function encodeField(meta: ModelMeta, field: FieldMeta, value: unknown, key: string, cls?: object): string | Buffer {
  try {
    const encoded = field.codec.encode(value);
    if (typeof encoded === 'string' || Buffer.isBuffer(encoded)) return encoded;
  } catch {
    // encodeValue repeats the work to throw with the context
  }
  // A nested class instance the user declared with class-transformer's `@Type` (loaded that way, or
  // built by create()) is written as its plain form, which plainToInstance turns back into the class.
  const plain = cls === undefined ? undefined : plainForWrite(cls, field.property, value);
  if (plain !== undefined) {
    try {
      const encoded = field.codec.encode(plain);
      if (typeof encoded === 'string' || Buffer.isBuffer(encoded)) return encoded;
    } catch {
      // report the value as the caller gave it
    }
  }
  return encodeValue(field.codec, value, `model ${meta.name} field '${field.property}' (key ${key})`);
}

/** The value of a field's default (called when it is a factory). */
export function defaultOf(field: FieldMeta): unknown {
  return typeof field.default === 'function' ? (field.default as () => unknown)() : field.default;
}

/**
 * Encodes a whole entity for `save`: set fields are written, `null` ones removed, unset ones take their
 * default; a missing or removed required field is refused. Throws before anything is queued.
 */
export function encodeEntity(meta: ModelMeta, entity: object, key: string, cls?: object): EncodedWrite {
  const values = entity as Record<string, unknown>;
  const hset: (string | Buffer)[] = [key];
  let remove: string[] | undefined;
  let defaults: [string, unknown][] | undefined;
  let missing: string[] | undefined;
  for (const field of meta.fields.values()) {
    let value = values[field.property];
    if (value === undefined && field.hasDefault) {
      value = defaultOf(field);
      (defaults ??= []).push([field.property, value]);
    }
    if (value === undefined || value === null) {
      if (field.required) (missing ??= []).push(field.property);
      else if (value === null) (remove ??= []).push(field.member);
      continue;
    }
    hset.push(field.member, encodeField(meta, field, value, key, cls));
  }
  if (missing) throw new RequiredFieldError(meta.name, missing, 'cannot save without');
  return { hset, remove, defaults };
}

/** Encodes `update()` changes: only declared fields; `null`/`undefined` removes (never a required field). */
export function encodeChanges(meta: ModelMeta, changes: Record<string, unknown>, key: string, cls?: object): EncodedWrite {
  const hset: (string | Buffer)[] = [key];
  const remove: string[] = [];
  const removedRequired: string[] = [];
  for (const property of Object.keys(changes)) {
    const field = meta.fields.get(property);
    if (!field) {
      if (property === meta.keyField) throw new UnknownFieldError(meta.name, property, 'is the key field; an update cannot change the id');
      throw new UnknownFieldError(meta.name, property);
    }
    const value = changes[property];
    if (value === null || value === undefined) {
      if (field.required) removedRequired.push(property);
      else remove.push(field.member);
    } else {
      hset.push(field.member, encodeField(meta, field, value, key, cls));
    }
  }
  if (removedRequired.length) throw new RequiredFieldError(meta.name, removedRequired, 'cannot remove');
  return { hset, remove: remove.length ? remove : undefined, defaults: undefined };
}

/** A field by property name, or UnknownFieldError. */
export function fieldOf(meta: ModelMeta, property: string): FieldMeta {
  const field = meta.fields.get(property);
  if (!field) throw new UnknownFieldError(meta.name, property);
  return field;
}

/** Decodes one stored member of a field; the error names model, field, key and raw value. */
export function decodeField(meta: ModelMeta, field: FieldMeta, raw: string | Buffer, key: string): unknown {
  try {
    return field.codec.decode(raw);
  } catch {
    return decodeValue(field.codec, raw, `key ${key} member '${field.member}' (model ${meta.name} field '${field.property}')`);
  }
}

/**
 * Turns an HGETALL reply into the values of an entity: declared members through their codecs, missing
 * ones with defaults, undeclared ones kept as text, a member named like the key field ignored.
 * Returns null for a missing record (an empty hash).
 */
export function decodeHash(
  meta: ModelMeta,
  reply: Record<string, string | Buffer>,
  id: string,
  key: string,
  into: () => Record<string, unknown> = () => ({}),
): Record<string, unknown> | null {
  let plain: Record<string, unknown> | undefined;
  for (const member in reply) {
    plain ??= into();
    const raw = reply[member];
    const field = meta.members.get(member);
    if (field) plain[field.property] = decodeField(meta, field, raw, key);
    else if (member !== meta.keyField && !meta.fields.has(member)) plain[member] = extraValue(raw);
  }
  if (plain === undefined) return null; // an empty hash: the record does not exist
  for (const field of meta.fields.values()) {
    if (field.hasDefault && !(field.property in plain)) plain[field.property] = defaultOf(field);
  }
  plain[meta.keyField] = id;
  return plain;
}

/** Decodes an HMGET reply of chosen fields; null when none is stored and the record does not exist. */
export function decodeFields(
  meta: ModelMeta,
  fields: readonly FieldMeta[],
  reply: (string | Buffer | null)[],
  id: string,
  key: string,
): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  fields.forEach((field, i) => {
    const raw = reply[i];
    if (raw !== null) plain[field.property] = decodeField(meta, field, raw, key);
    else if (field.hasDefault) plain[field.property] = defaultOf(field);
  });
  plain[meta.keyField] = id;
  return plain;
}

/** Undeclared members are kept as text; bytes that are not UTF-8 stay a Buffer rather than become U+FFFD. */
function extraValue(raw: string | Buffer): string | Buffer {
  if (typeof raw === 'string') return raw;
  try {
    return (Text as Codec<string>).decode(raw);
  } catch {
    return raw;
  }
}
