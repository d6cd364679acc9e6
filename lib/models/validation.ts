import { getMetadataStorage, validate, validateSync, type ValidatorOptions } from 'class-validator';
import { AsyncValidationRequiredError, ValidationError } from './errors.js';

const asyncProperties = new WeakMap<object, string[]>();

/** Properties of `cls` carrying async class-validator constraints (validateSync would skip them). */
function asyncConstrained(cls: object): string[] {
  let found = asyncProperties.get(cls);
  if (!found) {
    const storage = getMetadataStorage();
    const metadatas = storage.getTargetValidationMetadatas(cls as new () => object, '', true, false);
    found = [
      ...new Set(
        metadatas
          .filter((m) => m.constraintCls && storage.getTargetValidatorConstraints(m.constraintCls).some((c) => c.async))
          .map((m) => m.propertyName),
      ),
    ];
    asyncProperties.set(cls, found);
  }
  return found;
}

/** Whether class-validator knows any constraint on `cls` (no constraints: nothing to run). */
const constrained = new WeakMap<object, boolean>();
function hasConstraints(cls: object): boolean {
  let has = constrained.get(cls);
  if (has === undefined) {
    has = getMetadataStorage().getTargetValidationMetadatas(cls as new () => object, '', true, false).length > 0;
    constrained.set(cls, has);
  }
  return has;
}

/** Validates synchronously before anything is queued; refuses models with async-only constraints. */
export function validateNow(model: string, entity: object, options?: ValidatorOptions, changed?: readonly string[]): void {
  const cls = entity.constructor;
  if (!hasConstraints(cls)) return;
  // An update is refused only when it touches a property whose constraints are async.
  const pending = asyncConstrained(cls).filter((p) => changed === undefined || changed.includes(p));
  if (pending.length > 0) throw new AsyncValidationRequiredError(model, pending);
  const errors = validateSync(entity, options);
  if (errors.length > 0) throw new ValidationError(model, errors);
}

/**
 * Validates with every constraint, async ones included. A class without constraints passes (class-validator
 * 0.14 would otherwise reject it as an "unknown value" under its default `forbidUnknownValues`).
 */
export async function validateFully(model: string, entity: object, options?: ValidatorOptions): Promise<void> {
  if (!hasConstraints(entity.constructor)) return;
  const errors = await validate(entity, options);
  if (errors.length > 0) throw new ValidationError(model, errors);
}
