import { createRequire } from 'node:module';
import { instanceToPlain, plainToInstance } from 'class-transformer';
import type { ModelMeta } from './metadata.js';
import type { EntityClass } from './types.js';

/** The part of class-transformer's metadata storage we read (it has no public typing for this). */
interface TransformerStorage {
  getExposedMetadatas(target: object): unknown[];
  getExcludedMetadatas(target: object): unknown[];
  findTransformMetadatas(target: object, property: string, type: number): unknown[];
  findTypeMetadata(target: object, property: string): unknown;
  findExposeMetadata(target: object, property: string): { options?: { name?: string; toPlainOnly?: boolean } } | undefined;
}

const require = createRequire(import.meta.url);
const storage = (require('class-transformer/cjs/storage.js') as { defaultMetadataStorage: TransformerStorage })
  .defaultMetadataStorage;
const PLAIN_TO_CLASS = 0;

const needsTransformer = new WeakMap<object, boolean>();

/**
 * Whether the class uses class-transformer decorators on the properties we fill; without them a plain
 * `new cls()` plus assignment gives the same instance as `plainToInstance`, much faster.
 */
function usesTransformer(cls: object, meta: ModelMeta): boolean {
  let uses = needsTransformer.get(cls);
  if (uses === undefined) {
    const properties = [meta.keyField, ...meta.fields.keys()];
    uses =
      storage.getExposedMetadatas(cls).length > 0 ||
      storage.getExcludedMetadatas(cls).length > 0 ||
      properties.some(
        (p) => storage.findTransformMetadatas(cls, p, PLAIN_TO_CLASS).length > 0 || storage.findTypeMetadata(cls, p) !== undefined,
      );
    needsTransformer.set(cls, uses);
  }
  return uses;
}

/**
 * Where decoded values go: straight into a new instance when class-transformer has nothing to do
 * (no intermediate object on the hot path), else into a plain object for `toInstance`.
 */
export function targetFor<T extends object>(cls: EntityClass<T>, meta: ModelMeta): (() => Record<string, unknown>) | undefined {
  return usesTransformer(cls, meta) ? undefined : () => new cls() as Record<string, unknown>;
}

const exposedNames = new WeakMap<object, [property: string, name: string][]>();

/** Fields renamed by `@Expose({ name })` for plain → class: plainToInstance reads them under that name. */
function renamedFields(cls: object, meta: ModelMeta): [property: string, name: string][] {
  let renamed = exposedNames.get(cls);
  if (!renamed) {
    renamed = [];
    for (const property of [meta.keyField, ...meta.fields.keys()]) {
      const options = storage.findExposeMetadata(cls, property)?.options;
      if (options?.name !== undefined && options.name !== property && options.toPlainOnly !== true) renamed.push([property, options.name]);
    }
    exposedNames.set(cls, renamed);
  }
  return renamed;
}

/**
 * Builds a real instance of the entity class from decoded values (keyed by property), honouring
 * class-transformer decorators. `plain` may be changed.
 */
export function toInstance<T extends object>(cls: EntityClass<T>, meta: ModelMeta, plain: Record<string, unknown>): T {
  if (!usesTransformer(cls, meta)) return Object.assign(new cls(), plain);
  // `@Expose({ name })` names the property in plain objects (toPlain's JSON); the stored value belongs to
  // the property, so it is handed to plainToInstance under that name (else it would be dropped).
  for (const [property, name] of renamedFields(cls, meta)) {
    if (property in plain) {
      plain[name] = plain[property];
      delete plain[property];
    }
  }
  return plainToInstance(cls, plain);
}

/** The entity as a plain object for JSON, honouring `@Exclude`/`@Expose`. */
export function toPlain<T extends object>(entity: T): Record<string, unknown> {
  return instanceToPlain(entity);
}

/**
 * The plain form of a field value that is (or holds) class instances, when the property is declared with
 * class-transformer's `@Type` (so loading turns the plain form back into those classes); else undefined.
 */
export function plainForWrite(cls: object, property: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Buffer.isBuffer(value) || value instanceof Date) return undefined;
  if (storage.findTypeMetadata(cls, property) === undefined) return undefined;
  return instanceToPlain(value);
}
