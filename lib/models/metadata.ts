import 'reflect-metadata';
import type { Codec } from '../codecs/codec.js';
import { ModelDefinitionError } from './errors.js';

/** Options of `@Field`. */
export interface FieldOptions<T = unknown> {
  /** Saving an entity without it fails; it cannot be removed. */
  required?: boolean;
  /** Written on save when the property is unset, and read when the stored record lacks the member. */
  default?: T | (() => T);
  /** Hash member name, when it differs from the property. */
  name?: string;
}

/** Options of `@Model`. */
export interface ModelOptions {
  /** Named connection of the records (`'default'` when unset). */
  connection?: string;
  /** Seconds to live, renewed by every save and update. */
  ttl?: number;
  /** Property holding the record's id (`'id'` by default); never stored in the hash. */
  keyField?: string;
  /** Fields `get()` loads (all when unset). */
  defaultFields?: string[];
}

/** What `@Field` records about one property. */
export interface FieldMeta {
  readonly property: string;
  readonly member: string;
  readonly codec: Codec<unknown>;
  readonly required: boolean;
  readonly default: unknown;
  readonly hasDefault: boolean;
}

/** The resolved description of a model class, its parents' fields included. */
export interface ModelMeta {
  readonly name: string;
  readonly keyspace: string;
  readonly connection: string | undefined;
  readonly ttl: number | undefined;
  readonly keyField: string;
  readonly defaultFields: readonly FieldMeta[] | undefined;
  /** Fields by property name, parents first. */
  readonly fields: ReadonlyMap<string, FieldMeta>;
  /** Fields by hash member name. */
  readonly members: ReadonlyMap<string, FieldMeta>;
  /** Whether any field needs Buffer replies. */
  readonly binary: boolean;
}

const FIELDS = Symbol('redpipe:fields');
const MODEL = Symbol('redpipe:model');

/** A class constructor, as decorators see it. */
export type AnyClass = Function;

/** Reads own (not inherited) metadata with its type; wraps reflect-metadata's `any` once. */
function ownMetadata<T>(key: symbol, target: AnyClass): T | undefined {
  return Reflect.getOwnMetadata(key, target) as T | undefined;
}

/** Records one field on its class (called by `@Field`). */
export function addField(target: AnyClass, field: FieldMeta): void {
  // Two properties on one member are wrong whatever @Model says, so refuse them now: a subclass
  // without its own @Model has no class decorator that would check its fields at definition.
  for (const other of fieldsOf(target).values()) {
    if (other.member === field.member && other.property !== field.property) {
      throw new ModelDefinitionError(
        `${target.name}: properties '${other.property}' and '${field.property}' are both stored in hash member '${field.member}'`,
      );
    }
  }
  const own = ownMetadata<FieldMeta[]>(FIELDS, target) ?? [];
  Reflect.defineMetadata(FIELDS, [...own.filter((f) => f.property !== field.property), field], target);
  cache.delete(target);
}

/** The classes from the root of `cls`'s prototype chain down to `cls`. */
function chainOf(cls: AnyClass): AnyClass[] {
  const chain: AnyClass[] = [];
  for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    chain.unshift(c as AnyClass);
  }
  return chain;
}

/** The fields of `cls` and its parents by property, a subclass's declaration replacing its parent's. */
function fieldsOf(cls: AnyClass): Map<string, FieldMeta> {
  const fields = new Map<string, FieldMeta>();
  for (const c of chainOf(cls)) {
    for (const field of ownMetadata<FieldMeta[]>(FIELDS, c) ?? []) {
      fields.delete(field.property);
      fields.set(field.property, field);
    }
  }
  return fields;
}

/** Records the model options of a class (called by `@Model`). */
export function setModelOptions(target: AnyClass, keyspace: string, options: ModelOptions): void {
  Reflect.defineMetadata(MODEL, { keyspace, ...options }, target);
  cache.delete(target);
}

const cache = new WeakMap<AnyClass, ModelMeta>();

/** The model description of `cls`, inheriting and extending its parents'; throws ModelDefinitionError when wrong. */
export function modelMeta(cls: AnyClass): ModelMeta {
  let meta = cache.get(cls);
  if (!meta) cache.set(cls, (meta = resolve(cls)));
  return meta;
}

function resolve(cls: AnyClass): ModelMeta {
  let options: ModelOptions & { keyspace?: string } = {};
  for (const c of chainOf(cls)) {
    const own = ownMetadata<ModelOptions & { keyspace: string }>(MODEL, c);
    if (own) options = { ...options, ...own };
  }
  const fields = fieldsOf(cls);
  const name = cls.name;
  const { keyspace } = options;
  if (typeof keyspace !== 'string' || keyspace.length === 0) {
    throw new ModelDefinitionError(`${name}: no keyspace; decorate the class (or a parent) with @Model('prefix')`);
  }
  const keyField = options.keyField ?? 'id';
  const members = new Map<string, FieldMeta>();
  for (const field of fields.values()) {
    if (field.property === keyField) {
      throw new ModelDefinitionError(`${name}: '${keyField}' is the key field (the record's id); it cannot also be a @Field`);
    }
    if (field.member === keyField) {
      throw new ModelDefinitionError(`${name}: field '${field.property}' is stored as member '${keyField}', the key field's name`);
    }
    const twin = members.get(field.member);
    if (twin) {
      throw new ModelDefinitionError(`${name}: properties '${twin.property}' and '${field.property}' are both stored in hash member '${field.member}'`);
    }
    members.set(field.member, field);
  }
  if (options.ttl !== undefined && !(Number.isSafeInteger(options.ttl) && options.ttl > 0)) {
    throw new ModelDefinitionError(`${name}: ttl must be a positive whole number of seconds, got ${String(options.ttl)}`);
  }
  const defaultFields = options.defaultFields?.map((property) => {
    const field = fields.get(property);
    if (!field) throw new ModelDefinitionError(`${name}: defaultFields names '${property}', which is not a @Field`);
    return field;
  });
  return {
    name,
    keyspace,
    connection: options.connection,
    ttl: options.ttl,
    keyField,
    defaultFields,
    fields,
    members,
    binary: [...fields.values()].some((f) => f.codec.binary === true),
  };
}
