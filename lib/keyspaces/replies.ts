import { DecodeError } from '../codecs/errors.js';
import { decodeValue, type Codec } from '../codecs/codec.js';

/** A raw reply as ioredis hands it over: text, bytes, a number, null or an array of those. */
export type RawReply = unknown;

/** Reads Redis's 0/1 answer to a yes/no question. */
export function toBoolean(reply: RawReply): boolean {
  return reply === 1 || reply === '1' || reply === 'OK';
}

/** Reads an integer reply (ioredis gives numbers; buffer mode may give text). */
export function toNumber(reply: RawReply): number {
  return typeof reply === 'number' ? reply : Number(String(reply));
}

/** Reads a score or float reply, including Redis's `inf` / `-inf`. */
export function toScore(reply: RawReply): number {
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

/** Pairs a flat `[member, score, member, score…]` reply. */
export function decodePairs<T>(codec: Codec<T>, reply: RawReply, where: Where): [T, number][] {
  const flat = reply as (string | Buffer)[];
  const pairs: [T, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([decodeOne(codec, flat[i], where), toScore(flat[i + 1])]);
  return pairs;
}
