import { Deferred } from '../pipeline/deferred.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { ModelMeta } from './metadata.js';

/**
 * Sends a root pipeline whose callbacks change an entity; the returned deferred settles only after they
 * ran, so `await repo.update(entity, …).promise` sees the entity changed (a command's own deferred is
 * filled before the callbacks run, so its promise would resolve first).
 */
export function sendSettled<R>(target: Pipeline, result: Deferred<R>): Deferred<R> {
  const settled = new Deferred<R>(result.label);
  target.onExecute(() => settled.set(result.result));
  target.execute().catch((error: unknown) => {
    if (!settled.ready) settled.fail(result.error ?? (error instanceof Error ? error : new Error(String(error))));
  });
  return settled;
}

/** Applies property changes to an entity; `null`/`undefined` removes the property. */
export function assign(entity: object, entries: readonly (readonly [string, unknown])[]): void {
  const target = entity as Record<string, unknown>;
  for (const [property, value] of entries) {
    if (value === null || value === undefined) delete target[property];
    else target[property] = value;
  }
}

/** Copies the declared fields of a stored record onto the entity (after an nx save). */
export function assignFields(meta: ModelMeta, entity: object, stored: Record<string, unknown> | null): void {
  if (!stored) return;
  assign(entity, [...meta.fields.keys()].filter((p) => p in stored).map((p) => [p, stored[p]]));
}

/** Entities with local changes queued (update, incr, pop, remove) whose callbacks have not run yet. */
const pending = new WeakMap<object, number>();

/**
 * Wraps a local change of `entity` so that it is counted as pending until it runs: a `save` of the same
 * entity queued meanwhile must then re-apply what it wrote, in order, so that the object ends as Redis
 * does (an `update` then a `save` of one entity in one pipeline: the save's values win in both).
 */
export function pendingChange(entity: object, apply: () => void): () => void {
  pending.set(entity, (pending.get(entity) ?? 0) + 1);
  return () => {
    const left = (pending.get(entity) ?? 1) - 1;
    if (left > 0) pending.set(entity, left);
    else pending.delete(entity);
    apply();
  };
}

/** Whether `entity` has local changes queued that have not been applied yet. */
export function hasPendingChanges(entity: object): boolean {
  return pending.has(entity);
}
