import { DecodeError } from '../codecs/errors.js';
import { decodeValue, type Codec } from '../codecs/codec.js';

/** A raw reply as ioredis hands it over: text, bytes, a number, null or an array of those. */
export type RawReply = unknown;

/** Reads Redis's 0/1 answer to a yes/no question (or a RESP3 boolean, as ioredis 6's `replyMapping: 'resp3'` gives it). */
export function toBoolean(reply: RawReply): boolean {
  return reply === 1 || reply === '1' || reply === 'OK' || reply === true;
}

/** Reads an integer reply (ioredis gives numbers; buffer mode may give text). */
export function toNumber(reply: RawReply): number {
  return typeof reply === 'number' ? reply : Number(String(reply));
}

/** Reads a score or float reply, including Redis's `inf` / `-inf` (a number already when RESP3 sent a double). */
export function toScore(reply: RawReply): number {
  if (typeof reply === 'number') return reply;
  const text = String(reply);
  if (text === 'inf' || text === '+inf') return Infinity;
  if (text === '-inf') return -Infinity;
  const value = Number(text);
  if (Number.isNaN(value)) {
    throw new DecodeError({ codec: 'score', raw: text, reason: 'not a number' });
  }
  return value;
}

/** Reads a score that may be missing (`null`). */
export function toScoreOrNull(reply: RawReply): number | null {
  return reply === null ? null : toScore(reply);
}

/** Reads a status or bulk reply as text. */
export function toText(reply: RawReply): string {
  return Buffer.isBuffer(reply) ? reply.toString('utf8') : String(reply);
}

/** Names the key (and member) a value came from; only called when decoding fails. */
export type Where = () => string;

/** Decodes one stored value; the error names `where()`. Fast path without building the text. */
export function decodeOne<T>(codec: Codec<T>, raw: string | Buffer, where: Where): T {
  try {
    return codec.decode(raw);
  } catch {
    return decodeValue(codec, raw, where());
  }
}

/** Decodes one stored value, keeping `null` for a missing one. */
export function decodeNullable<T>(codec: Codec<T>, reply: RawReply, where: Where): T | null {
  if (reply === null || reply === undefined) return null;
  return decodeOne(codec, reply as string | Buffer, where);
}

/** Decodes an array of stored values. */
export function decodeList<T>(codec: Codec<T>, reply: RawReply, where: Where): T[] {
  return (reply as (string | Buffer)[]).map((raw) => decodeOne(codec, raw, where));
}

/** Decodes an array of stored values where entries may be missing. */
export function decodeNullableList<T>(codec: Codec<T>, reply: RawReply, where: Where): (T | null)[] {
  return (reply as (string | Buffer | null)[]).map((raw) => (raw === null ? null : decodeOne(codec, raw, where)));
}

/**
 * True when a pair reply came nested, `[[member, score], …]`, not flat. RESP2 and ioredis 6's default
 * `replyMapping: 'legacy'` give flat replies; ioredis 6 with `replyMapping: 'resp3'` keeps RESP3's nested
 * pairs (ZRANGE… WITHSCORES, ZPOPMIN count, ZRANDMEMBER / HRANDFIELD with scores or values), with
 * scores as numbers. A flat reply starts with a string or Buffer, never an array.
 */
export function isNestedPairs(reply: readonly unknown[]): boolean {
  return reply.length > 0 && Array.isArray(reply[0]);
}

/** Pairs a `[member, score, member, score…]` reply (or an already nested one). */
export function decodePairs<T>(codec: Codec<T>, reply: RawReply, where: Where): [T, number][] {
  const flat = reply as (string | Buffer)[];
  if (isNestedPairs(flat)) {
    return (reply as [string | Buffer, unknown][]).map(([member, score]) => [decodeOne(codec, member, where), toScore(score)]);
  }
  const pairs: [T, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([decodeOne(codec, flat[i], where), toScore(flat[i + 1])]);
  return pairs;
}
