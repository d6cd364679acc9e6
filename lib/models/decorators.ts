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
 * Declares a typed field stored as one hash member.
 *
 * @example
 * @Field(Integer, { default: 0 }) visits!: number;
 */
export function Field<T>(type: Codec<T>, options: FieldOptions<T> = {}): PropertyDecorator {
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
      codec: type as Codec<unknown>,
      required: options.required === true,
      default: options.default,
      hasDefault: 'default' in options,
    });
  };
}
