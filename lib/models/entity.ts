import type { Codec } from '../codecs/codec.js';
import { HashKeyspace } from '../keyspaces/hash.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { modelMeta, type AnyClass } from './metadata.js';
import type { EntityFields } from './types.js';

/** The HashKeyspace class generated for a model. */
export type CoreClass = (new (id: string, pipe?: Pipeline) => HashKeyspace<Record<string, unknown>>) &
  Pick<typeof HashKeyspace, 'redisKey' | 'idFromKey' | 'scanIds' | 'keyspace' | 'connection' | 'fields' | 'keyTemplate' | 'keyCodec'>;

const cores = new WeakMap<AnyClass, CoreClass>();

/** The HashKeyspace class behind a model: same keyspace, connection and per-member codecs. */
export function coreClass(cls: AnyClass): CoreClass {
  const known = cores.get(cls);
  if (known) return known;
  const meta = modelMeta(cls);
  const fields: Record<string, Codec<unknown>> = {};
  for (const field of meta.fields.values()) fields[field.member] = field.codec;
  class Core extends HashKeyspace<Record<string, unknown>> {
    static override keyspace: string | undefined = meta.keyspace;
    static override connection: string | undefined = meta.connection;
    static override fields: Record<string, Codec<unknown>> = fields;
  }
  Object.defineProperty(Core, 'name', { value: `${meta.name}Core` });
  cores.set(cls, Core);
  return Core;
}

/**
 * Optional base class of models: adds the typed `core()` escape hatch.
 *
 * @example
 * @Model('U') class User extends Entity { @Field(Text) name?: string; }
 * const name = User.core('1').hget('name'); // Deferred<string | null>
 */
export abstract class Entity {
  /** The record's hash as a HashKeyspace bound to `id` (and `pipe`), with the model's member codecs. */
  static core<C extends abstract new () => Entity>(
    this: C,
    id: string,
    pipe?: Pipeline,
  ): HashKeyspace<EntityFields<InstanceType<C>>> {
    const Core = coreClass(this);
    return new Core(id, pipe) as unknown as HashKeyspace<EntityFields<InstanceType<C>>>;
  }
}
