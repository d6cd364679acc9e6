import { scriptSha } from './script.js';
import { Text } from '../codecs/text.js';
import { decodeValue, encodeValue, type Codec } from '../codecs/codec.js';
import { connectionFor, DEFAULT_CONNECTION, keyPrefixOf, stripKeyPrefix } from '../pipeline/connections.js';
import type { Deferred } from '../pipeline/deferred.js';
import { PipelineUsageError } from '../pipeline/errors.js';
import { autoexec } from '../pipeline/autoexec.js';
import { checkPipe, Pipeline, runDetached } from '../pipeline/pipeline.js';
import { QueuedCommand, type ReplyDecoder } from '../pipeline/queued-command.js';
import { InvalidArgumentError, KeyspaceDefinitionError } from './errors.js';
import {
  braceKeyTemplate, checkId, escapeGlob, idFromKey, keyShape, scanPattern, type KeyShape, type KeyTemplate,
} from './key-template.js';
import { checkOptions, optionNames } from './options.js';
import { toBoolean, toNumber, toText } from './replies.js';
import { SCAN_OPTIONS, scanPages, type ScanOptions } from './scan.js';

/** Conditions of EXPIRE and friends (Redis 7). */
export interface ExpireOptions {
  nx?: boolean;
  xx?: boolean;
  gt?: boolean;
  lt?: boolean;
}
const EXPIRE_OPTIONS = optionNames<ExpireOptions>()(['nx', 'xx', 'gt', 'lt']);

/** A Lua script run with this record's key first in KEYS. */
export interface ScriptCall {
  /** Ids of other records of this keyspace, added to KEYS after this record's key. */
  ids?: string[];
  args?: (string | number | Buffer)[];
}
const SCRIPT_CALL_OPTIONS = optionNames<ScriptCall>()(['ids', 'args']);

/** Options of RESTORE: a time to live in milliseconds (0: none), and whether to replace an existing key. */
export interface RestoreOptions {
  ttl?: number;
  replace?: boolean;
}
const RESTORE_OPTIONS = optionNames<RestoreOptions>()(['ttl', 'replace']);

/** Options of `restorenx`: a time to live in milliseconds (0: none). */
export type RestoreNxOptions = Pick<RestoreOptions, 'ttl'>;
const RESTORENX_OPTIONS = optionNames<RestoreNxOptions>()(['ttl']);

/** Options of SORT. */
export interface SortOptions {
  by?: string;
  limit?: { offset: number; count: number };
  get?: string[];
  order?: 'asc' | 'desc';
  alpha?: boolean;
}
const SORT_OPTIONS = optionNames<SortOptions>()(['by', 'limit', 'get', 'order', 'alpha']);

/** The static side every keyspace class has. */
export interface KeyspaceClass {
  keyspace: string | undefined;
  connection: string | undefined;
  keyTemplate: KeyTemplate;
  keyCodec: Codec<string>;
}

const shapes = new WeakMap<object, KeyShape>();

/** The OBJECT subcommands `object()` sends. */
const OBJECT_SUBCOMMANDS: readonly string[] = ['encoding', 'freq', 'idletime', 'refcount'];

/**
 * The base of every keyspace: records are keys `prefix{id}` on one named connection. An instance is
 * bound to an id and an optional pipe; without a pipe each call is its own round trip.
 *
 * @example
 * class Followers extends SortedSetKeyspace { static override keyspace = 'F'; }
 * const f = new Followers('1', pipe);
 * f.zadd('a', 1);
 */
export abstract class Keyspace {
  /** The key prefix (required). */
  static keyspace: string | undefined = undefined;
  /** The connection name; `'default'` when unset. */
  static connection: string | undefined = undefined;
  /** How ids become keys; ids are parsed back with the same template. */
  static keyTemplate: KeyTemplate = braceKeyTemplate;
  /** Codec of ids read back from Redis (scans, keys in replies). */
  static keyCodec: Codec<string> = Text;

  /** The record's id. */
  readonly id: string;
  /** The Redis key, `prefix{id}` by default. */
  readonly key: string;
  #pipe: Pipeline | undefined;

  constructor(id: string, pipe?: Pipeline) {
    this.key = (this.constructor as unknown as typeof Keyspace).redisKey(id);
    this.id = id;
    // The message is only built for a wrong argument: this runs once per call on the hot path.
    this.#pipe = pipe === undefined || pipe instanceof Pipeline ? pipe : checkPipe(pipe, `${this.constructor.name} ${this.key}`);
  }

  /** The Redis key of `id` in this keyspace (the id is checked first). */
  static redisKey(this: KeyspaceClass, id: string): string {
    const keyspace = definedKeyspace(this);
    shapeOf(this); // a template that does not place the id exactly once is refused before any key is made
    return this.keyTemplate(keyspace, checkId(keyspace, id));
  }

  /** The id inside a Redis key of this keyspace, or undefined for a foreign key. */
  static idFromKey(this: KeyspaceClass, key: string): string | undefined {
    return idFromKey(shapeOf(this), key);
  }

  /**
   * Every id of this keyspace on its connection (`for await`); `match` is a Redis glob on ids. With a
   * client made with ioredis's `keyPrefix`, only keys under that prefix are scanned.
   */
  static async *scanIds(this: KeyspaceClass, options: ScanOptions = {}): AsyncGenerator<string> {
    const shape = shapeOf(this);
    checkOptions('scan', `${shape.prefix}*${shape.suffix}`, options, SCAN_OPTIONS);
    const client = connectionFor(this.connection ?? DEFAULT_CONNECTION);
    // ioredis prefixes key arguments, never a MATCH pattern, and SCAN answers keys with the prefix.
    const prefix = keyPrefixOf(client);
    const pattern = escapeGlob(prefix) + scanPattern(shape, options.match);
    for await (const keys of scanPages(client, 'scan', undefined, pattern, options.count)) {
      for (const prefixed of keys) {
        const key = stripKeyPrefix(prefix, prefixed);
        if (key === undefined) continue;
        const id = idFromKey(shape, decodeValue(this.keyCodec, key, 'a key from SCAN'));
        if (id !== undefined) yield id;
      }
    }
  }

  /** The pipe this instance queues on (undefined: each call is its own round trip). */
  get pipe(): Pipeline | undefined {
    return this.#pipe;
  }

  /** The class's static settings. */
  protected get statics(): KeyspaceClass {
    return this.constructor as unknown as KeyspaceClass;
  }

  /** The connection this keyspace's commands go to. */
  get connection(): string {
    return this.statics.connection ?? DEFAULT_CONNECTION;
  }

  /**
   * Runs `fn` with every call on this instance pooled into one nested pipeline, executed when `fn`
   * returns: one round trip without a pipe, or handed up to the pipe.
   */
  batch<R>(fn: (self: this) => R): R {
    const outer = this.#pipe;
    return autoexec(outer, (inner) => {
      this.#pipe = inner;
      try {
        return fn(this);
      } finally {
        this.#pipe = outer;
      }
    }, { name: this.connection });
  }

  /** Queues one command on this record's connection; without a pipe it is sent at once. */
  protected send<R>(
    name: string,
    args: unknown[],
    decode?: ReplyDecoder<R>,
    buffer = false,
    script?: string,
  ): Deferred<R> {
    const command = new QueuedCommand<R>(name, args, this.connection, buffer, decode, script);
    const pipe = this.#pipe;
    if (pipe) return pipe.enqueue(command);
    const root = new Pipeline(undefined, { name: this.connection });
    root.enqueue(command);
    runDetached(root);
    return command;
  }

  /** Encodes a value with `codec` for this key (and member), refusing bad values before queueing. */
  protected encodeFor<V>(codec: Codec<V>, value: V, member?: string): string | Buffer {
    try {
      const encoded = codec.encode(value);
      if (typeof encoded === 'string' || Buffer.isBuffer(encoded)) return encoded;
    } catch {
      // fall through: encodeValue repeats the work to throw the error with its context
    }
    return encodeValue(codec, value, this.where(member));
  }

  /** A lazy `where` for decoding errors of this key (and member). */
  protected whereOf(member?: string): () => string {
    return () => this.where(member);
  }

  /** Text naming this key (and member) in errors. */
  protected where(member?: string): string {
    return member === undefined ? `key ${this.key}` : `key ${this.key} member ${JSON.stringify(member)}`;
  }

  /** Refuses arguments Redis would reject, before anything is queued. */
  protected refuse(command: string, reason: string): never {
    throw new InvalidArgumentError(command, this.key, reason);
  }

  /** Refuses a scan on a pipelined instance: scans page through several round trips. */
  protected scanClient(command: string): ReturnType<typeof connectionFor> {
    if (this.#pipe) {
      throw new PipelineUsageError(
        `${command.toUpperCase()} ${this.key}: scans cannot run inside a pipeline; use an instance without a pipe`,
      );
    }
    return connectionFor(this.connection);
  }

  /** Removes the key; resolves to the number of keys removed (0 or 1). */
  delete(): Deferred<number> {
    return this.send('del', [this.key], toNumber);
  }

  /** Whether the key exists. */
  exists(): Deferred<boolean> {
    return this.send('exists', [this.key], toBoolean);
  }

  /** Sets a time to live in seconds; false when the key is missing or a condition failed. */
  expire(seconds: number, options?: ExpireOptions): Deferred<boolean> {
    checkOptions('expire', this.key, options, EXPIRE_OPTIONS);
    return this.send('expire', [this.key, this.whole('expire', seconds), ...this.expireFlags('expire', options)], toBoolean);
  }

  /** Sets a time to live in milliseconds. */
  pexpire(milliseconds: number, options?: ExpireOptions): Deferred<boolean> {
    checkOptions('pexpire', this.key, options, EXPIRE_OPTIONS);
    return this.send('pexpire', [this.key, this.whole('pexpire', milliseconds), ...this.expireFlags('pexpire', options)], toBoolean);
  }

  /** Expires the key at a moment (a Date, or Unix seconds). */
  expireat(when: Date | number, options?: ExpireOptions): Deferred<boolean> {
    checkOptions('expireat', this.key, options, EXPIRE_OPTIONS);
    const seconds = when instanceof Date ? Math.floor(this.time('expireat', when) / 1000) : this.whole('expireat', when);
    return this.send('expireat', [this.key, seconds, ...this.expireFlags('expireat', options)], toBoolean);
  }

  /** Expires the key at a moment (a Date, or Unix milliseconds). */
  pexpireat(when: Date | number, options?: ExpireOptions): Deferred<boolean> {
    checkOptions('pexpireat', this.key, options, EXPIRE_OPTIONS);
    const ms = when instanceof Date ? this.time('pexpireat', when) : this.whole('pexpireat', when);
    return this.send('pexpireat', [this.key, ms, ...this.expireFlags('pexpireat', options)], toBoolean);
  }

  /** Seconds to live: -1 without expiry, -2 when the key is missing. */
  ttl(): Deferred<number> {
    return this.send('ttl', [this.key], toNumber);
  }

  /** Milliseconds to live: -1 without expiry, -2 when the key is missing. */
  pttl(): Deferred<number> {
    return this.send('pttl', [this.key], toNumber);
  }

  /** Removes the expiry; true when there was one. */
  persist(): Deferred<boolean> {
    return this.send('persist', [this.key], toBoolean);
  }

  /** Renames this record to another id of the same keyspace. */
  rename(newId: string): Deferred<void> {
    return this.send<void>('rename', [this.key, this.otherKey(newId)], () => undefined);
  }

  /** Renames this record unless the new id exists; true when renamed. */
  renamenx(newId: string): Deferred<boolean> {
    return this.send('renamenx', [this.key, this.otherKey(newId)], toBoolean);
  }

  /** The Redis type of the key (`'none'` when missing). */
  type(): Deferred<string> {
    return this.send('type', [this.key], toText);
  }

  /** The serialized value (DUMP), or null when the key is missing. */
  dump(): Deferred<Buffer | null> {
    return this.send('dump', [this.key], (reply) => (reply === null ? null : (reply as Buffer)), true);
  }

  /** Restores a DUMP payload into this key (`ttl` in ms, 0 for none). */
  restore(payload: Buffer, options: RestoreOptions = {}): Deferred<void> {
    checkOptions('restore', this.key, options, RESTORE_OPTIONS);
    const args: unknown[] = [this.key, this.whole('restore', options.ttl ?? 0), payload];
    if (options.replace) args.push('REPLACE');
    return this.send<void>('restore', args, () => undefined);
  }

  /** Restores a DUMP payload only when the key is missing; true when restored. */
  restorenx(payload: Buffer, options: RestoreNxOptions = {}): Deferred<boolean> {
    checkOptions('restorenx', this.key, options, RESTORENX_OPTIONS);
    const script = "if redis.call('exists', KEYS[1]) == 1 then return 0 end " +
      "redis.call('restore', KEYS[1], ARGV[1], ARGV[2]) return 1";
    return this.send('eval', [script, 1, this.key, this.whole('restorenx', options.ttl ?? 0), payload], toBoolean);
  }

  /** OBJECT ENCODING / FREQ / IDLETIME / REFCOUNT of the key (null when missing). */
  object(subcommand: 'encoding' | 'freq' | 'idletime' | 'refcount'): Deferred<string | number | null> {
    if (!OBJECT_SUBCOMMANDS.includes(subcommand)) {
      this.refuse('object', `subcommand must be 'encoding', 'freq', 'idletime' or 'refcount', got ${String(subcommand as unknown)}`);
    }
    return this.send('object', [subcommand, this.key], (reply) =>
      reply === null ? null : typeof reply === 'number' ? reply : toText(reply));
  }

  /** SORT of this key's elements (BY/GET patterns are raw Redis patterns); with `store`, the count stored. */
  sort(options: SortOptions = {}): Deferred<string[]> {
    checkOptions('sort', this.key, options, SORT_OPTIONS);
    return this.send('sort', [this.key, ...this.sortArgs('sort', options)], (reply) => (reply as unknown[]).map(toText));
  }

  /** SORT … STORE into another id of this keyspace; resolves to the number of elements stored. */
  sortStore(destinationId: string, options: SortOptions = {}): Deferred<number> {
    checkOptions('sort', this.key, options, SORT_OPTIONS);
    const args = [this.key, ...this.sortArgs('sort', options), 'STORE', this.otherKey(destinationId)];
    return this.send('sort', args, toNumber);
  }

  /** Runs a Lua script with this key as KEYS[1]: EVALSHA, the script loaded earlier in the same round trip (never NOSCRIPT). */
  eval<R = unknown>(script: string, call: ScriptCall = {}): Deferred<R> {
    checkOptions('eval', this.key, call, SCRIPT_CALL_OPTIONS);
    const keys = [this.key, ...(call.ids ?? []).map((id) => this.otherKey(id))];
    const sha = scriptSha(script);
    return this.send<R>('evalsha', [sha, keys.length, ...keys, ...(call.args ?? [])], undefined, false, script);
  }

  /** Runs a script by its SHA1 with this key as KEYS[1]. */
  evalsha<R = unknown>(sha: string, call: ScriptCall = {}): Deferred<R> {
    checkOptions('evalsha', this.key, call, SCRIPT_CALL_OPTIONS);
    const keys = [this.key, ...(call.ids ?? []).map((id) => this.otherKey(id))];
    return this.send<R>('evalsha', [sha, keys.length, ...keys, ...(call.args ?? [])]);
  }

  /** The key of another id of this keyspace (checked). */
  protected otherKey(id: string): string {
    return (this.constructor as unknown as typeof Keyspace).redisKey(id);
  }

  /** Checks an integer argument. */
  protected whole(command: string, value: number): number {
    if (!Number.isSafeInteger(value)) this.refuse(command, `expected an integer, got ${String(value)}`);
    return value;
  }

  private time(command: string, when: Date): number {
    const ms = when.getTime();
    if (Number.isNaN(ms)) this.refuse(command, 'invalid Date');
    return ms;
  }

  private sortArgs(command: string, options: SortOptions): (string | number)[] {
    const args: (string | number)[] = [];
    if (options.by !== undefined) args.push('BY', options.by);
    if (options.limit) args.push('LIMIT', this.whole(command, options.limit.offset), this.whole(command, options.limit.count));
    for (const pattern of options.get ?? []) args.push('GET', pattern);
    if (options.order) args.push(options.order === 'desc' ? 'DESC' : 'ASC');
    if (options.alpha) args.push('ALPHA');
    return args;
  }

  private expireFlags(command: string, options: ExpireOptions | undefined): string[] {
    if (!options) return [];
    const flags = (['nx', 'xx', 'gt', 'lt'] as const).filter((flag) => options[flag]);
    if (flags.length > 1 && !(flags.length === 2 && flags.includes('xx') && !flags.includes('nx'))) {
      this.refuse(command, `options ${flags.join(' and ')} cannot be combined`);
    }
    return flags.map((flag) => flag.toUpperCase());
  }
}

function definedKeyspace(cls: KeyspaceClass): string {
  const { keyspace } = cls;
  if (typeof keyspace !== 'string' || keyspace.length === 0) {
    throw new KeyspaceDefinitionError(`${(cls as unknown as { name: string }).name} has no static keyspace (the key prefix)`);
  }
  return keyspace;
}

function shapeOf(cls: KeyspaceClass): KeyShape {
  let shape = shapes.get(cls);
  if (!shape) shapes.set(cls, (shape = keyShape(definedKeyspace(cls), cls.keyTemplate)));
  return shape;
}
