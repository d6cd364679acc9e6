/** The data properties of an entity type (methods left out), each required and without `undefined`. */
export type EntityFields<T> = {
  // `-?`: an optional property (`age?: number`) must still read as `number` here, so that
  // `User.core(id).hget('age')` is a Deferred<number | null> and `incr` a Deferred<number>.
  [K in keyof T as T[K] extends Function ? never : K]-?: Exclude<T[K], undefined>;
};

/** Changes for `update()`: some of the fields; `null` removes a field. */
export type EntityChanges<T> = { [K in keyof EntityFields<T>]?: EntityFields<T>[K] | null };

/** A field's property name. */
export type FieldName<T> = keyof EntityFields<T> & string;

/** A class whose instances are entities, constructible without arguments (as class-transformer needs). */
export type EntityClass<T extends object> = new () => T;
