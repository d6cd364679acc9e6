import type { Codec } from '../codecs/codec.js';
import { ModelDefinitionError } from './errors.js';
import { addField, modelMeta, setModelOptions, type AnyClass, type FieldOptions, type ModelOptions } from './metadata.js';

/**
 * Declares a model class: its records are hashes `keyspace{id}`. Subclasses inherit and may override.
 *
 * @example
 * @Model('U', { connection: 'users', ttl: 3600 })
 * class User extends Entity { @Field(Text, { required: true }) name!: string; }
 */
export function Model(keyspace: string, options: ModelOptions = {}): ClassDecorator {
  return (target) => {
    if (typeof keyspace !== 'string' || keyspace.length === 0) {
      throw new ModelDefinitionError(`${target.name}: @Model needs a keyspace (a non-empty key prefix)`);
    }
    if (keyspace.includes('{') || keyspace.includes('}')) {
      throw new ModelDefinitionError(`${target.name}: keyspace '${keyspace}' cannot contain { or }`);
    }
    setModelOptions(target, keyspace, options);
    modelMeta(target); // validate the whole definition now, when the class is defined
  };
}

/**
 * What `@Field` takes: a codec (Text, Integer, `custom(...)`), or any object with `encode` / `decode`
 * (its `name`, shown in errors, is then optional).
 */
export type FieldType<T> = Codec<T> | (Omit<Codec<T>, 'name'> & { readonly name?: string });

/** The codec itself when it has a name; else a wrapper named after the field, for error messages. */
function named<T>(type: FieldType<T>, fallback: string): Codec<T> {
  if (typeof type.name === 'string' && type.name.length > 0) return type as Codec<T>;
  return Object.freeze({
    name: fallback,
    binary: type.binary === true,
    encode: (value: T) => type.encode(value),
    decode: (raw: string | Buffer) => type.decode(raw),
  });
}

/**
 * Declares a typed field stored as one hash member.
 *
 * @example
 * @Field(Integer, { default: 0 }) visits!: number;
 */
export function Field<T>(type: FieldType<T>, options: FieldOptions<T> = {}): PropertyDecorator {
  return (prototype, property) => {
    const owner = (prototype as { constructor: AnyClass }).constructor;
    if (typeof property !== 'string') {
      throw new ModelDefinitionError(`${owner.name}: @Field needs a string property name`);
    }
    if (!type || typeof type.encode !== 'function' || typeof type.decode !== 'function') {
      throw new ModelDefinitionError(
        `${owner.name}.${property}: @Field needs a field type (Text, Integer, … or a codec with encode/decode), got ${String(type)}`,
      );
    }
    const member = options.name ?? property;
    if (typeof member !== 'string' || member.length === 0) {
      throw new ModelDefinitionError(`${owner.name}.${property}: the member name must be a non-empty string`);
    }
    addField(owner, {
      property,
      member,
      codec: named(type, `${owner.name}.${property}`) as Codec<unknown>,
      required: options.required === true,
      default: options.default,
      hasDefault: 'default' in options,
    });
  };
}
