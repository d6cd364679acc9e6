import type { Codec } from '../codecs/codec.js';
import { InvalidValueError } from '../codecs/errors.js';
import { Text } from '../codecs/text.js';
import type { Deferred } from '../pipeline/deferred.js';
import {
  codecOf, decodeEntries, decodeField, decodeHash, decodeMember, fieldTable, type FieldTable, type HashCodecs,
} from './hash-fields.js';
import { Keyspace } from './keyspace.js';
import { checkOptions, optionNames } from './options.js';
import { toBoolean, toNumber, toScore } from './replies.js';
import { SCAN_OPTIONS, scanPages, type ScanOptions } from './scan.js';

/** The member names of a hash's field map. */
export type MemberOf<F> = keyof F & string;

/** One `[member, value]` pair of a hash, typed per member. */
export type HashEntry<F> = { [K in MemberOf<F>]: [K, F[K]] }[MemberOf<F>];

/** Options of HRANDFIELD. */
export interface HrandfieldOptions {
  /** Also return each member's value (needs a count). */
  withValues?: boolean;
}
/** Every option of HrandfieldOptions, for checkOptions. */
const HRANDFIELD_OPTIONS = optionNames<HrandfieldOptions>()(['withValues']);

/**
 * A Redis hash per id, `prefix{id}`, with a codec per member: members listed in `static fields` are
 * encoded and decoded with their own codec, any other member with `static valueCodec` (undeclared
 * members are decoded, never dropped). When some codec is binary, every read that can return such a
 * member asks for Buffer replies and decodes the text members from Buffers (strict UTF-8).
 *
 * @example
 * interface UserFields { name: string; age: number; admin: boolean }
 * class Users extends HashKeyspace<UserFields> {
 *   static override keyspace = 'U';
 *   static override fields = { name: Text, age: Integer, admin: BooleanField };
 * }
 * new Users('1', pipe).hset({ name: 'joe', age: 42 });
 * const user = new Users('1', pipe).hgetall(); // Deferred<Partial<UserFields>>
 */
export class HashKeyspace<F extends object = Record<string, string>> extends Keyspace {
  /** Per-member codecs, keyed by hash member name. */
  static fields: Record<string, Codec<unknown>> = {};
  /** Codec of member names. */
  static memberCodec: Codec<string> = Text;
  /** Codec of members not listed in `fields` (undeclared members are decoded with it, never dropped). */
  static valueCodec: Codec<unknown> = Text;

  /** The codec that encodes and decodes `member` in this keyspace (its field codec, else `valueCodec`). */
  static codecFor(this: HashCodecs, member: string): Codec<unknown> {
    return codecOf(fieldTable(this), member);
  }

  /** This class's resolved codecs. */
  protected get table(): FieldTable {
    return fieldTable(this.constructor as unknown as HashCodecs);
  }

  /** Sets one member (or, given an object, several); resolves to the number of members that were new. */
  hset<K extends MemberOf<F>>(member: K, value: F[K]): Deferred<number>;
  hset(values: Partial<F>): Deferred<number>;
  hset(memberOrValues: string | Partial<F>, value?: unknown): Deferred<number> {
    if (typeof memberOrValues === 'string') {
      const table = this.table;
      return this.send('hset', [this.key, this.member(table, memberOrValues), this.value(table, memberOrValues, value)], toNumber);
    }
    return this.send('hset', this.pairs('hset', memberOrValues), toNumber);
  }

  /** Sets several members at once (HSET of a map). */
  hmset(values: Partial<F>): Deferred<void> {
    return this.send<void>('hset', this.pairs('hmset', values), () => undefined);
  }

  /** Sets a member only when it is missing; true when it was set. */
  hsetnx<K extends MemberOf<F>>(member: K, value: F[K]): Deferred<boolean> {
    const table = this.table;
    return this.send('hsetnx', [this.key, this.member(table, member), this.value(table, member, value)], toBoolean);
  }

  /** The value of a member, decoded with its codec; null when missing. */
  hget<K extends MemberOf<F>>(member: K): Deferred<F[K] | null> {
    const table = this.table;
    const codec = codecOf(table, member);
    const wire = this.member(table, member);
    return this.send<F[K] | null>('hget', [this.key, wire], (reply) =>
      reply === null ? null : (decodeField(codec, reply as string | Buffer, this.key, member) as F[K]), codec.binary === true);
  }

  /** The values of several members (one or an array), in order; null for missing ones. */
  hmget<K extends MemberOf<F>>(members: K | readonly K[]): Deferred<(F[K] | null)[]> {
    const table = this.table;
    const list: readonly K[] = typeof members === 'string' ? [members as K] : this.list<K>('hmget', members);
    const args: unknown[] = [this.key];
    const codecs: Codec<unknown>[] = [];
    let binary = false;
    for (const member of list) {
      args.push(this.member(table, member));
      const codec = codecOf(table, member);
      codecs.push(codec);
      if (codec.binary === true) binary = true;
    }
    return this.send('hmget', args, (reply) =>
      (reply as (string | Buffer | null)[]).map((raw, i) =>
        raw === null ? null : (decodeField(codecs[i], raw, this.key, list[i]) as F[K])), binary);
  }

  /** Every member and value, each decoded with its member's codec; `{}` when the key is missing. */
  hgetall(): Deferred<Partial<F>> {
    const table = this.table;
    // Upper case on purpose: ioredis turns a lower-case `hgetall` reply into an object (Buffer member
    // names lossily turned into text); the flat array lets us decode member names strictly.
    return this.send('HGETALL', [this.key], (reply) => decodeHash(table, reply, this.key) as Partial<F>, table.anyBinary);
  }

  /** Every member name. */
  hkeys(): Deferred<string[]> {
    const table = this.table;
    return this.send('hkeys', [this.key], (reply) =>
      (reply as (string | Buffer)[]).map((raw) => decodeMember(table, raw, this.key)), table.membersBinary);
  }

  /**
   * Every value, each decoded with its member's codec. Sent as HGETALL (HVALS does not say which member
   * a value belongs to, so it could not pick the codec); the order is Redis's member order.
   */
  hvals(): Deferred<unknown[]> {
    const table = this.table;
    return this.send('HGETALL', [this.key], (reply) =>
      decodeEntries(table, reply, this.key).map((entry) => entry[1]), table.anyBinary);
  }

  /** Removes members (one, or an array: a single string is one member); resolves to the number removed. */
  hdel(members: string | readonly string[]): Deferred<number> {
    const table = this.table;
    const list = typeof members === 'string' ? [members] : this.list('hdel', members);
    const args: unknown[] = [this.key];
    for (const member of list) args.push(this.member(table, member));
    return this.send('hdel', args, toNumber);
  }

  /** Whether a member exists. */
  hexists(member: string): Deferred<boolean> {
    return this.send('hexists', [this.key, this.member(this.table, member)], toBoolean);
  }

  /** The number of members. */
  hlen(): Deferred<number> {
    return this.send('hlen', [this.key], toNumber);
  }

  /** The length in bytes of a member's stored value (0 when missing). */
  hstrlen(member: string): Deferred<number> {
    return this.send('hstrlen', [this.key, this.member(this.table, member)], toNumber);
  }

  /** Adds an integer to a member's value; resolves to the new value. */
  hincrby(member: string, by = 1): Deferred<number> {
    return this.send('hincrby', [this.key, this.member(this.table, member), this.whole('hincrby', by)], toNumber);
  }

  /** Adds a float to a member's value; resolves to the new value. */
  hincrbyfloat(member: string, by: number): Deferred<number> {
    if (typeof by !== 'number' || !Number.isFinite(by)) this.refuse('hincrbyfloat', `expected a finite number, got ${String(by)}`);
    return this.send('hincrbyfloat', [this.key, this.member(this.table, member), by], toScore);
  }

  /** A random member (null when the hash is missing). */
  hrandfield(): Deferred<string | null>;
  /** `count` random members (distinct when positive; may repeat when negative). */
  hrandfield(count: number): Deferred<string[]>;
  /** `count` random `[member, value]` pairs, values decoded per member. */
  hrandfield(count: number, options: HrandfieldOptions & { withValues: true }): Deferred<HashEntry<F>[]>;
  hrandfield(count: number, options: HrandfieldOptions): Deferred<string[] | HashEntry<F>[]>;
  hrandfield(count?: number, options: HrandfieldOptions = {}): Deferred<string | null | string[] | HashEntry<F>[]> {
    checkOptions('hrandfield', this.key, options, HRANDFIELD_OPTIONS);
    const table = this.table;
    if (count === undefined) {
      if (options.withValues) this.refuse('hrandfield', 'withValues needs a count');
      return this.send('hrandfield', [this.key], (reply) =>
        reply === null ? null : decodeMember(table, reply as string | Buffer, this.key), table.membersBinary);
    }
    const args: unknown[] = [this.key, this.whole('hrandfield', count)];
    if (options.withValues) {
      args.push('WITHVALUES');
      return this.send('hrandfield', args, (reply) => decodeEntries(table, reply, this.key) as HashEntry<F>[], table.anyBinary);
    }
    return this.send('hrandfield', args, (reply) =>
      (reply as (string | Buffer)[]).map((raw) => decodeMember(table, raw, this.key)), table.membersBinary);
  }

  /**
   * Every `[member, value]` pair (`for await`), values decoded per member; `match` is a Redis glob on
   * member names. Never inside a pipeline.
   */
  async *hscan(options: ScanOptions = {}): AsyncGenerator<HashEntry<F>> {
    checkOptions('hscan', this.key, options, SCAN_OPTIONS);
    const client = this.scanClient('hscan');
    const table = this.table;
    for await (const page of scanPages(client, 'hscan', this.key, options.match, options.count, table.anyBinary)) {
      for (const entry of decodeEntries(table, page, this.key)) yield entry as HashEntry<F>;
    }
  }

  /** Encodes a member name (declared ones were encoded once per class). */
  protected member(table: FieldTable, member: string): string | Buffer {
    const declared = table.declared.get(member);
    if (declared !== undefined) return declared.wire;
    return this.encodeFor(table.memberCodec, member, member);
  }

  /** Encodes a member's value with its codec; null and undefined are refused (remove members with hdel). */
  protected value(table: FieldTable, member: string, value: unknown): string | Buffer {
    const codec = table.declared.get(member)?.codec ?? table.valueCodec;
    if (value === null || value === undefined) this.refuseMissing(codec, member, value);
    return this.encodeFor(codec, value, member);
  }

  /** `[key, member, value, …]` of an object of members, each encoded with its codec (one lookup per member). */
  protected pairs(command: string, values: Partial<F>): unknown[] {
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      this.refuse(command, 'expected an object of members and values');
    }
    const { declared, memberCodec, valueCodec } = this.table;
    const record = values as Record<string, unknown>;
    const args: unknown[] = [this.key];
    for (const member of Object.keys(record)) {
      const field = declared.get(member);
      const codec = field === undefined ? valueCodec : field.codec;
      const value = record[member];
      if (value === null || value === undefined) this.refuseMissing(codec, member, value);
      args.push(field === undefined ? this.encodeFor(memberCodec, member, member) : field.wire, this.encodeFor(codec, value, member));
    }
    if (args.length === 1) this.refuse(command, 'no members given (Redis needs at least one)');
    return args;
  }

  /** Refuses a null or undefined value: a hash member cannot hold one (delete it with hdel). */
  private refuseMissing(codec: Codec<unknown>, member: string, value: null | undefined): never {
    throw new InvalidValueError({
      codec: codec.name, value, where: this.where(member),
      reason: `${String(value)} cannot be stored in a hash member (remove the member with hdel)`,
    });
  }

  /** Checks an array of member names (not empty). */
  private list<K extends string>(command: string, members: unknown): readonly K[] {
    if (!Array.isArray(members)) this.refuse(command, `expected a member name or an array of them, got ${typeof members}`);
    if (members.length === 0) this.refuse(command, 'no members given (Redis needs at least one)');
    return members as readonly K[];
  }
}
