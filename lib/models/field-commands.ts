import { BigIntField, Integer } from '../codecs/integer.js';
import { Float } from '../codecs/float.js';
import { scriptSha } from '../keyspaces/script.js';
import { UnknownFieldError } from './errors.js';
import type { FieldMeta, ModelMeta } from './metadata.js';

// Scripts of single-field commands, sent as EVALSHA with the source attached: the engine loads them
// earlier in the same round trip.

/** Reads and removes one hash member atomically. */
export const POP_SCRIPT = "local v = redis.call('hget', KEYS[1], ARGV[1]) redis.call('hdel', KEYS[1], ARGV[1]) return v";
/** SHA1 of POP_SCRIPT. */
export const POP_SHA = scriptSha(POP_SCRIPT);
/**
 * HINCRBY, answering the new value as text: HINCRBY's own integer reply would pass through a (rounded) JS
 * number, and a BigInt field must resolve to the exact value.
 */
export const BIGINT_INCR_SCRIPT = "redis.call('hincrby', KEYS[1], ARGV[1], ARGV[2]) return redis.call('hget', KEYS[1], ARGV[1])";
/** SHA1 of BIGINT_INCR_SCRIPT. */
export const BIGINT_INCR_SHA = scriptSha(BIGINT_INCR_SCRIPT);

/** The command and amount that add `by` to a number field; refuses other fields and amounts. */
export function incrementOf(meta: ModelMeta, field: FieldMeta, by: number | bigint): ['hincrby' | 'hincrbyfloat', string | number] {
  if (field.codec === Integer && typeof by === 'number' && Number.isSafeInteger(by)) return ['hincrby', by];
  if (field.codec === BigIntField && typeof by === 'bigint') return ['hincrby', by.toString()];
  if (field.codec === Float && typeof by === 'number' && Number.isFinite(by)) return ['hincrbyfloat', by];
  throw new UnknownFieldError(
    meta.name,
    field.property,
    `cannot be incremented by ${typeof by === 'bigint' ? `${by}n` : String(by)} (Integer takes safe integers, Float finite numbers, BigInt bigints)`,
  );
}
