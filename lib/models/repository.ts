import type { ValidatorOptions } from 'class-validator';
import { BigIntField } from '../codecs/integer.js';
import { checkOptions } from '../keyspaces/options.js';
import { toBoolean, toNumber } from '../keyspaces/replies.js';
import { DEFAULT_CONNECTION } from '../pipeline/connections.js';
import { Deferred, derive } from '../pipeline/deferred.js';
import { checkPipe, Pipeline, runDetached, type QueueOptions } from '../pipeline/pipeline.js';
import { QueuedCommand } from '../pipeline/queued-command.js';
import { SCAN_OPTIONS, type ScanOptions } from '../keyspaces/scan.js';
import { coreClass } from './entity.js';
import { BIGINT_INCR_SCRIPT, BIGINT_INCR_SHA, incrementOf, POP_SCRIPT, POP_SHA } from './field-commands.js';
import { assign, assignFields, hasPendingChanges, pendingChange, sendSettled } from './local-changes.js';
import { MissingIdError, RequiredFieldError, UnknownFieldError } from './errors.js';
import { modelMeta, type FieldMeta, type ModelMeta } from './metadata.js';
import { decodeField, decodeFields, decodeHash, encodeChanges, encodeEntity, fieldOf, type EncodedWrite } from './record.js';
import {
  pipeAndOptions, REPOSITORY_OPTIONS, SAVE_OPTIONS, UPDATE_OPTIONS,
  type RepositoryOptions, type SaveOptions, type UpdateOptions,
} from './repository-options.js';
import { targetFor, toInstance, toPlain } from './transform.js';
import type { EntityChanges, EntityClass, EntityFields, FieldName } from './types.js';
import { validateFully, validateNow } from './validation.js';

/**
 * Reads and writes entities of one model; every method takes an optional pipe and returns a deferred,
 * so many entities and models go to Redis in one round trip per connection.
 *
 * @example
 * const users = new Repository(User);
 * const pipe = pipeline();
 * users.save(Object.assign(new User(), { id: '1', name: 'Bob' }), pipe);
 * const jill = users.get('2', pipe);
 * await pipe.execute();
 * jill.result?.name;
 */
export class Repository<T extends object> {
  /** The model's resolved metadata. */
  readonly meta: ModelMeta;
  readonly #connection: string;
  readonly #validation: boolean;
  readonly #validator: ValidatorOptions;
  readonly #core: ReturnType<typeof coreClass>;
  /** Queue options of a plain command on this model's connection (shared: queue() copies what it reads). */
  readonly #plain: QueueOptions<unknown>;

  constructor(readonly model: EntityClass<T>, options: RepositoryOptions = {}) {
    this.meta = modelMeta(model);
    checkOptions('Repository', this.meta.name, options, REPOSITORY_OPTIONS);
    this.#connection = this.meta.connection ?? DEFAULT_CONNECTION;
    this.#validation = options.validation !== false;
    this.#validator = { skipMissingProperties: true, ...options.validator };
    this.#core = coreClass(model);
    this.#plain = { connection: this.#connection };
  }

  /** Builds an entity instance from data (nothing is written). */
  create(data: EntityChanges<T> & Record<string, unknown>): T {
    return toInstance(this.model, this.meta, { ...data });
  }

  /** The Redis key of a record (the id is checked). */
  key(id: string): string {
    return this.#core.redisKey(id);
  }

  /** Writes the entity's fields (HSET; HDEL of `null` ones; EXPIRE with a ttl), validated first. */
  save(entity: T, options?: SaveOptions): Deferred<T>;
  save(entity: T, pipe?: Pipeline, options?: SaveOptions): Deferred<T>;
  save(entity: T, pipeOrOptions?: Pipeline | SaveOptions, maybeOptions?: SaveOptions): Deferred<T> {
    const [pipe, options = {}] = pipeAndOptions(pipeOrOptions, maybeOptions);
    const { meta } = this;
    const id = this.#idOf(entity);
    const key = this.key(id);
    checkOptions('save', key, options, SAVE_OPTIONS);
    if (this.#validation && !options.validated) validateNow(meta.name, entity, this.#validator);
    const write = encodeEntity(meta, entity, key, this.model);
    if (options.nx) return this.#saveAbsent(entity, id, key, write, pipe);
    // The hot path of writes: queued directly; a lone HSET resolves to the entity without a derived deferred.
    const target = pipe ?? new Pipeline(undefined, { name: this.#connection });
    const plain = this.#plain;
    const { hset, remove, defaults } = write;
    let result: Deferred<T>;
    if (remove === undefined && meta.ttl === undefined && hset.length > 1) {
      result = target.enqueue(new QueuedCommand<T>('hset', hset, this.#connection, false, () => entity, undefined));
    } else {
      const parts: Deferred<unknown>[] = [];
      if (hset.length > 1) parts.push(target.queue('hset', hset, plain));
      if (remove) parts.push(target.queue('hdel', [key, ...remove], plain));
      if (meta.ttl !== undefined) parts.push(target.queue('expire', [key, meta.ttl], plain));
      result = derive(parts, () => entity);
    }
    const reapply = hasPendingChanges(entity);
    if (reapply) {
      // Writes of this entity queued before this save change it when they run; this save's values come
      // after them in Redis, so they must come after them locally too.
      const written = [...meta.fields.values()]
        .filter((f) => (entity as Record<string, unknown>)[f.property] !== undefined)
        .map((f) => [f.property, (entity as Record<string, unknown>)[f.property]] as const);
      target.onExecute(pendingChange(entity, () => assign(entity, written)));
    }
    if (defaults) target.onExecute(() => assign(entity, defaults));
    if (pipe) return result;
    if (defaults || reapply) return sendSettled(target, result);
    runDetached(target);
    return result;
  }

  #saveAbsent(entity: T, id: string, key: string, write: EncodedWrite, pipe: Pipeline | undefined): Deferred<T> {
    const { meta } = this;
    return this.#run(pipe, (queue) => {
      const sources: Deferred<unknown>[] = [];
      const { hset } = write;
      for (let i = 1; i < hset.length; i += 2) sources.push(queue('hsetnx', [key, hset[i], hset[i + 1]]));
      const stored = queue('hgetall', [key], { buffer: meta.binary, decode: (reply) => decodeHash(meta, reply as Record<string, string | Buffer>, id, key) });
      sources.push(stored);
      this.#ttl(queue, key, sources);
      return { result: derive(sources, () => entity), after: () => assignFields(meta, entity, stored.result), entity };
    });
  }

  /** Validates with class-validator (async constraints too), then saves. */
  async saveValidated(entity: T, options?: SaveOptions): Promise<Deferred<T>>;
  async saveValidated(entity: T, pipe?: Pipeline, options?: SaveOptions): Promise<Deferred<T>>;
  async saveValidated(entity: T, pipeOrOptions?: Pipeline | SaveOptions, maybeOptions?: SaveOptions): Promise<Deferred<T>> {
    const [pipe, options] = pipeAndOptions(pipeOrOptions, maybeOptions);
    if (options !== undefined) checkOptions('saveValidated', this.key(this.#idOf(entity)), options, SAVE_OPTIONS);
    await this.validate(entity);
    return this.save(entity, pipe, { ...options, validated: true });
  }

  /** Runs every class-validator constraint, async ones included; throws ValidationError. */
  async validate(entity: T): Promise<void> {
    await validateFully(this.meta.name, entity, this.#validator);
  }

  /** The entity, or null when the record does not exist (loads `defaultFields` when the model sets them). */
  get(id: string, pipe?: Pipeline): Deferred<T | null> {
    const { meta } = this;
    if (meta.defaultFields) return this.#load(id, meta.defaultFields, pipe);
    const key = this.key(id);
    // The hot path of reads: queued directly, one closure per record.
    const target = checkPipe(pipe, `${meta.name} get`) ?? new Pipeline(undefined, { name: this.#connection });
    const read = target.enqueue(
      new QueuedCommand<T | null>('hgetall', [key], this.#connection, meta.binary, (reply) => this.#hydrate(reply, id, key), undefined),
    );
    if (!pipe) runDetached(target);
    return read;
  }

  /** Many entities in one round trip, in the order of `ids` (null for missing ones). */
  getMany(ids: readonly string[], pipe?: Pipeline): Deferred<(T | null)[]> {
    ids.forEach((id) => this.key(id));
    return this.#run(pipe ?? new Pipeline(undefined, { name: this.#connection }), (_queue, p) => {
      const reads = ids.map((id) => this.get(id, p));
      return { result: derive(reads, () => reads.map((read) => read.result)) };
    }, pipe === undefined);
  }

  /** Chosen fields of a record (others stay unset), or null when it does not exist. */
  load(id: string, fields: readonly FieldName<T>[], pipe?: Pipeline): Deferred<T | null> {
    return this.#load(id, fields.map((f) => fieldOf(this.meta, f)), pipe);
  }

  /** Writes changes by id or on an entity (`null` removes a field); an entity changes locally after execute. */
  update(target: string | T, changes: EntityChanges<T>, options?: UpdateOptions): Deferred<void>;
  update(target: string | T, changes: EntityChanges<T>, pipe?: Pipeline, options?: UpdateOptions): Deferred<void>;
  update(target: string | T, changes: EntityChanges<T>, pipeOrOptions?: Pipeline | UpdateOptions, maybeOptions?: UpdateOptions): Deferred<void> {
    const [pipe, options = {}] = pipeAndOptions(pipeOrOptions, maybeOptions);
    const { meta } = this;
    const { id, entity } = this.#target(target);
    const key = this.key(id);
    checkOptions('update', key, options, UPDATE_OPTIONS);
    const values = changes as Record<string, unknown>;
    if (this.#validation && !options.validated) this.#validateChanges(entity, values);
    const write = encodeChanges(meta, values, key, this.model);
    return this.#run(pipe, (queue) => {
      const sources: Deferred<unknown>[] = [];
      if (write.hset.length > 1) sources.push(queue('hset', write.hset));
      if (write.remove) sources.push(queue('hdel', [key, ...write.remove]));
      this.#ttl(queue, key, sources);
      const after = entity ? () => assign(entity, Object.entries(values)) : undefined;
      return { result: derive(sources, () => undefined), after, entity };
    });
  }

  /** Adds `by` to an Integer, Float or BigInt field (HINCRBY / HINCRBYFLOAT); resolves to the new value. */
  incr<K extends FieldName<T>>(target: string | T, field: K, by: number | bigint = 1, pipe?: Pipeline): Deferred<EntityFields<T>[K]> {
    const { meta } = this;
    const { id, entity } = this.#target(target);
    const key = this.key(id);
    const spec = fieldOf(meta, field);
    const [command, amount] = incrementOf(meta, spec, by);
    // BigInt: HINCRBY's integer reply would pass through a JS number; the script answers with the text.
    const big = spec.codec === BigIntField;
    const [name, args] = big ? ['evalsha', [BIGINT_INCR_SHA, 1, key, spec.member, amount]] : [command, [key, spec.member, amount]];
    return this.#run(pipe, (queue) => {
      const result = queue(name, args, {
        script: big ? BIGINT_INCR_SCRIPT : undefined,
        decode: (reply) => decodeField(meta, spec, String(reply), key) as EntityFields<T>[K],
      });
      const sources: Deferred<unknown>[] = [result];
      this.#ttl(queue, key, sources);
      const after = entity ? () => assign(entity, [[field, result.result]]) : undefined;
      return { result, after, entity };
    });
  }

  /** Subtracts `by` from a number field; resolves to the new value. */
  decr<K extends FieldName<T>>(target: string | T, field: K, by: number | bigint = 1, pipe?: Pipeline): Deferred<EntityFields<T>[K]> {
    return this.incr(target, field, typeof by === 'bigint' ? -by : -by, pipe);
  }

  /** Reads and removes one field atomically; resolves to its value, or null when it was not stored. */
  pop<K extends FieldName<T>>(target: string | T, field: K, pipe?: Pipeline): Deferred<EntityFields<T>[K] | null> {
    const { meta } = this;
    const { id, entity } = this.#target(target);
    const key = this.key(id);
    const spec = fieldOf(meta, field);
    if (spec.required) throw new RequiredFieldError(meta.name, [field], 'cannot pop');
    return this.#run(pipe, (queue) => {
      const result = queue('evalsha', [POP_SHA, 1, key, spec.member], {
        script: POP_SCRIPT,
        buffer: spec.codec.binary === true,
        decode: (reply) => (reply === null ? null : (decodeField(meta, spec, reply as string | Buffer, key) as EntityFields<T>[K])),
      });
      const after = entity ? () => assign(entity, [[field, undefined]]) : undefined;
      return { result, after, entity };
    });
  }

  /** Removes fields (HDEL); required fields are refused. Resolves to the number removed. */
  remove(target: string | T, fields: FieldName<T> | readonly FieldName<T>[], pipe?: Pipeline): Deferred<number> {
    const { meta } = this;
    const { id, entity } = this.#target(target);
    const key = this.key(id);
    const specs = (typeof fields === 'string' ? [fields] : [...fields]).map((f) => fieldOf(meta, f));
    const required = specs.filter((s) => s.required).map((s) => s.property);
    if (required.length) throw new RequiredFieldError(meta.name, required, 'cannot remove');
    if (specs.length === 0) return derive([], () => 0);
    return this.#run(pipe, (queue) => {
      const result = queue('hdel', [key, ...specs.map((s) => s.member)], { decode: toNumber });
      const after = entity ? () => assign(entity, specs.map((s) => [s.property, undefined])) : undefined;
      return { result, after, entity };
    });
  }

  /** Deletes records: an array of ids, or one id (a string is one id, never its characters). Resolves to the count deleted. */
  delete(ids: string | readonly string[], pipe?: Pipeline): Deferred<number> {
    const keys = (typeof ids === 'string' ? [ids] : ids).map((id) => this.key(id));
    return this.#run(pipe, (queue) => {
      // One DEL per key keeps each command on one cluster slot.
      const each = keys.map((key) => queue('del', [key], { decode: toNumber }));
      return { result: derive(each, () => each.reduce((sum, d) => sum + d.result, 0)) };
    });
  }

  /** Whether the record exists. */
  exists(target: string | T, pipe?: Pipeline): Deferred<boolean> {
    const key = this.key(this.#target(target).id);
    return this.#run(pipe, (queue) => ({ result: queue('exists', [key], { decode: toBoolean }) }));
  }

  /** Sets the record's time to live in seconds; false when it does not exist. */
  expire(target: string | T, seconds: number, pipe?: Pipeline): Deferred<boolean> {
    const key = this.key(this.#target(target).id);
    if (!Number.isSafeInteger(seconds)) throw new UnknownFieldError(this.meta.name, 'expire', `needs whole seconds, got ${String(seconds)}`);
    return this.#run(pipe, (queue) => ({ result: queue('expire', [key, seconds], { decode: toBoolean }) }));
  }

  /** Seconds the record has to live (-1 without expiry, -2 when missing). */
  ttl(target: string | T, pipe?: Pipeline): Deferred<number> {
    const key = this.key(this.#target(target).id);
    return this.#run(pipe, (queue) => ({ result: queue('ttl', [key], { decode: toNumber }) }));
  }

  /** Every id of the model (`for await`); not inside a pipeline. */
  scanIds(options?: ScanOptions): AsyncGenerator<string> {
    return this.#core.scanIds(options);
  }

  /** Every entity of the model (`for await`), read a page at a time in one round trip per page. */
  async *scan(options: ScanOptions = {}): AsyncGenerator<T> {
    checkOptions('scan', this.#core.keyTemplate(this.meta.keyspace, '*'), options, SCAN_OPTIONS);
    let page: string[] = [];
    const size = options.count ?? 100;
    const flush = async (): Promise<T[]> => {
      const read = this.getMany(page);
      page = [];
      return (await read.promise).filter((e): e is Awaited<T> => e !== null) as T[];
    };
    for await (const id of this.scanIds(options)) {
      page.push(id);
      if (page.length >= size) yield* await flush();
    }
    if (page.length) yield* await flush();
  }

  /** The entity as a plain object for JSON (class-transformer's `@Exclude`/`@Expose` apply). */
  toPlain(entity: T): Record<string, unknown> {
    return toPlain(entity);
  }

  #load(id: string, fields: readonly FieldMeta[], pipe: Pipeline | undefined): Deferred<T | null> {
    const { meta } = this;
    const key = this.key(id);
    return this.#run(pipe, (queue) => {
      // HMGET needs at least one member: with no fields, only EXISTS is asked.
      // Decoded as the reply arrives, so a bad value fails this command (and execute) like any read.
      const values = fields.length > 0
        ? queue('hmget', [key, ...fields.map((f) => f.member)], {
          buffer: fields.some((f) => f.codec.binary),
          decode: (reply) => decodeFields(meta, fields, reply as (string | Buffer | null)[], id, key),
        })
        : undefined;
      const exists = queue('exists', [key], { decode: toBoolean });
      return {
        result: derive(values ? [values, exists] : [exists], () =>
          exists.result ? toInstance(this.model, meta, values?.result ?? decodeFields(meta, fields, [], id, key)) : null),
      };
    });
  }

  #hydrate(reply: unknown, id: string, key: string): T | null {
    const direct = targetFor(this.model, this.meta);
    const values = decodeHash(this.meta, reply as Record<string, string | Buffer>, id, key, direct);
    if (!values) return null;
    return direct ? (values as T) : toInstance(this.model, this.meta, values);
  }

  #validateChanges(entity: T | undefined, changes: Record<string, unknown>): void {
    const probe = Object.assign(new this.model(), entity ?? {});
    for (const [property, value] of Object.entries(changes)) (probe as Record<string, unknown>)[property] = value ?? undefined;
    validateNow(this.meta.name, probe, this.#validator, Object.keys(changes));
  }

  #ttl(queue: Queue, key: string, sources: Deferred<unknown>[]): void {
    if (this.meta.ttl !== undefined) sources.push(queue('expire', [key, this.meta.ttl]));
  }

  #idOf(entity: T): string {
    const id = (entity as Record<string, unknown>)[this.meta.keyField];
    if (typeof id !== 'string' || id.length === 0) throw new MissingIdError(this.meta.name, this.meta.keyField, id);
    return id;
  }

  #target(target: string | T): { id: string; entity: T | undefined } {
    return typeof target === 'string' ? { id: target, entity: undefined } : { id: this.#idOf(target), entity: target };
  }

  /**
   * Queues on `pipe` (or a root sent at once), with this model's connection; `after` runs once the
   * root executed successfully, so entities never change before their write is done.
   */
  #run<R>(pipe: Pipeline | undefined, build: (queue: Queue, pipe: Pipeline) => { result: Deferred<R>; after?: () => void; entity?: object }, send = pipe === undefined): Deferred<R> {
    const target = checkPipe(pipe, this.meta.name) ?? new Pipeline(undefined, { name: this.#connection });
    const connection = this.#connection;
    const queue: Queue = (name, args, options) => target.queue(name, args, { ...options, connection });
    const { result, after, entity } = build(queue, target);
    if (after) target.onExecute(entity ? pendingChange(entity, after) : after);
    if (!send) return result;
    if (after) return sendSettled(target, result);
    runDetached(target);
    return result;
  }
}


type Queue = <R = unknown>(name: string, args: unknown[], options?: QueueOptions<R>) => Deferred<R>;

