import type { Codec } from '../codecs/codec.js';
import { decodeValue, encodeValue } from '../codecs/codec.js';
import { DecodeError } from '../codecs/errors.js';
import { Text } from '../codecs/text.js';
import { KeyspaceDefinitionError } from './errors.js';

/** The static settings of a hash keyspace that decide how members and values are coded. */
export interface HashCodecs {
  readonly name: string;
  fields: Record<string, Codec<unknown>>;
  memberCodec: Codec<string>;
  valueCodec: Codec<unknown>;
}

/**
 * A hash class's codecs, resolved once: a Map of the declared members (own properties of `fields`
 * only, so a member named `toString` or `__proto__` is never mistaken for a codec) and whether
 * whole-hash reads need Buffer replies.
 */
export interface FieldTable {
  readonly fields: Record<string, Codec<unknown>>;
  readonly memberCodec: Codec<string>;
  readonly valueCodec: Codec<unknown>;
  /** Each declared member: its codec and its name as sent (encoded once, with the member codec). */
  readonly declared: ReadonlyMap<string, DeclaredField>;
  /** True when some member may be binary (a binary field or value codec): read whole hashes as Buffers. */
  readonly anyBinary: boolean;
  /** True when member names themselves need Buffer replies. */
  readonly membersBinary: boolean;
}

/** A member listed in `static fields`. */
export interface DeclaredField {
  readonly codec: Codec<unknown>;
  /** The member name encoded with the member codec. */
  readonly wire: string | Buffer;
}

/** Text naming a key and member in errors (as `Keyspace.where` spells it); only built when something fails. */
export function memberWhere(key: string, member: string): string {
  return `key ${key} member ${JSON.stringify(member)}`;
}

const tables = new WeakMap<object, FieldTable>();

/** The field table of a hash class, rebuilt only when one of its codec settings was replaced. */
export function fieldTable(cls: HashCodecs): FieldTable {
  const table = tables.get(cls);
  if (table && table.fields === cls.fields && table.memberCodec === cls.memberCodec && table.valueCodec === cls.valueCodec) {
    return table;
  }
  const built = buildTable(cls);
  tables.set(cls, built);
  return built;
}

function buildTable(cls: HashCodecs): FieldTable {
  const { fields, memberCodec, valueCodec } = cls;
  checkCodec(cls, 'memberCodec', memberCodec);
  checkCodec(cls, 'valueCodec', valueCodec);
  if (typeof fields !== 'object' || fields === null) {
    throw new KeyspaceDefinitionError(`${cls.name}: static fields must be an object of member codecs`);
  }
  const declared = new Map<string, DeclaredField>();
  let anyBinary = valueCodec.binary === true;
  for (const member of Object.keys(fields)) {
    const codec = fields[member];
    checkCodec(cls, `fields[${JSON.stringify(member)}]`, codec);
    let wire: string | Buffer;
    try {
      wire = encodeValue(memberCodec, member, `${cls.name} static fields`);
    } catch (error) {
      throw new KeyspaceDefinitionError(`${cls.name}: member name ${JSON.stringify(member)} is refused by its member codec: ${(error as Error).message}`);
    }
    declared.set(member, { codec, wire });
    if (codec.binary === true) anyBinary = true;
  }
  const membersBinary = memberCodec.binary === true;
  return { fields, memberCodec, valueCodec, declared, anyBinary: anyBinary || membersBinary, membersBinary };
}

function checkCodec(cls: HashCodecs, what: string, codec: unknown): void {
  const candidate = codec as Partial<Codec<unknown>> | null | undefined;
  if (typeof candidate?.encode !== 'function' || typeof candidate.decode !== 'function') {
    throw new KeyspaceDefinitionError(`${cls.name}: static ${what} is not a codec (it needs encode and decode)`);
  }
}

/** The codec of `member`: its declared field codec, else the value codec. */
export function codecOf(table: FieldTable, member: string): Codec<unknown> {
  return table.declared.get(member)?.codec ?? table.valueCodec;
}

/** Decodes a member name from a reply (strings pass through the Text codec untouched). */
export function decodeMember(table: FieldTable, raw: string | Buffer, key: string): string {
  const codec = table.memberCodec;
  if (codec === Text && typeof raw === 'string') return raw;
  try {
    return codec.decode(raw);
  } catch {
    return decodeValue(codec, raw, `key ${key} (a member name)`);
  }
}

/** Decodes the value of `member` with its codec; the error names key and member. */
export function decodeField(codec: Codec<unknown>, raw: string | Buffer, key: string, member: string): unknown {
  try {
    return codec.decode(raw);
  } catch {
    return decodeValue(codec, raw, memberWhere(key, member));
  }
}

/** Sets `member` on a plain object, also when it is `__proto__` (kept as an own property, never a prototype). */
export function putMember(target: Record<string, unknown>, member: string, value: unknown): void {
  if (member === '__proto__') {
    Object.defineProperty(target, member, { value, enumerable: true, configurable: true, writable: true });
  } else {
    target[member] = value;
  }
}

/**
 * Turns a flat `[member, value, member, value…]` reply into an object, each value decoded with its member's codec.
 * Also takes the object ioredis 6 makes of a RESP3 map under `replyMapping: 'resp3'` (see {@link flatPairs}).
 */
export function decodeHash(table: FieldTable, reply: unknown, key: string): Record<string, unknown> {
  const flat = flatPairs(table, reply, key);
  const out: Record<string, unknown> = {};
  const { declared, valueCodec } = table;
  for (let i = 0; i < flat.length; i += 2) {
    const member = decodeMember(table, flat[i], key);
    putMember(out, member, decodeField(declared.get(member)?.codec ?? valueCodec, flat[i + 1], key, member));
  }
  return out;
}

/** Pairs a flat `[member, value…]` reply as `[member, value]` entries decoded per member (RESP3 shapes: {@link flatPairs}). */
export function decodeEntries(table: FieldTable, reply: unknown, key: string): [string, unknown][] {
  const flat = flatPairs(table, reply, key);
  const out: [string, unknown][] = [];
  for (let i = 0; i < flat.length; i += 2) {
    const member = decodeMember(table, flat[i], key);
    out.push([member, decodeField(codecOf(table, member), flat[i + 1], key, member)]);
  }
  return out;
}

/**
 * A hash reply as a flat `[member, value, …]` array: RESP2 and ioredis 6's default `replyMapping: 'legacy'`
 * give it so (returned as is). ioredis 6 with `replyMapping: 'resp3'` gives nested `[[member, value], …]`
 * pairs (HRANDFIELD … WITHVALUES) and, for a RESP3 map (HGETALL), an object whose member names it decoded
 * as UTF-8 text: a name holding U+FFFD (bytes that were not UTF-8) is refused rather than read as other bytes.
 */
function flatPairs(table: FieldTable, reply: unknown, key: string): (string | Buffer)[] {
  if (Array.isArray(reply)) return (reply.length > 0 && Array.isArray(reply[0]) ? reply.flat() : reply) as (string | Buffer)[];
  const codec = table.memberCodec.name;
  if (typeof reply !== 'object' || reply === null) {
    throw new DecodeError({ codec, raw: reply, reason: 'expected a hash reply (an array or a map)', where: `key ${key}` });
  }
  const map = reply as Record<string, string | Buffer>;
  const flat: (string | Buffer)[] = [];
  for (const member of Object.keys(map)) {
    if (member.includes('\uFFFD')) {
      const reason =
        "not valid UTF-8 (the reply holds U+FFFD): with replyMapping 'resp3' ioredis reads hash member names as text; " +
        "binary member names need its default replyMapping 'legacy'";
      throw new DecodeError({ codec, raw: member, reason, where: `key ${key} (a member name)` });
    }
    flat.push(member, map[member]);
  }
  return flat;
}
