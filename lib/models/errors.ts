import type { ValidationError as ClassValidatorError } from 'class-validator';
import { RedpipeError } from '../errors.js';

/** Thrown when a model class is declared wrongly (no keyspace, a field without a type, two properties on one member, the key field declared as a field). */
export class ModelDefinitionError extends RedpipeError {}

/** Thrown when an entity or update lacks a required field, or would remove one; nothing is queued. */
export class RequiredFieldError extends RedpipeError {
  constructor(readonly model: string, readonly fields: readonly string[], action: string) {
    super(`${model}: ${action} required field${fields.length > 1 ? 's' : ''} ${fields.map((f) => `'${f}'`).join(', ')}`);
  }
}

/** Thrown when a write names a property that is not a declared field, or a field of the wrong type for the command. */
export class UnknownFieldError extends RedpipeError {
  constructor(readonly model: string, readonly field: string, reason = 'is not a declared field') {
    super(`${model}: '${field}' ${reason}`);
  }
}

/** Thrown when an entity has no usable id in its key field. */
export class MissingIdError extends RedpipeError {
  constructor(readonly model: string, readonly keyField: string, value: unknown) {
    super(`${model}: the key field '${keyField}' must hold a non-empty string id, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`);
  }
}

/** One failed constraint of one property, as reported by class-validator. */
export interface Violation {
  /** Dotted path of the property (`address.city` for nested objects). */
  readonly property: string;
  /** Constraint name (`isEmail`). */
  readonly constraint: string;
  readonly message: string;
}

/** Thrown by `save`/`update` when class-validator finds violations; lists each one. Nothing is queued. */
export class ValidationError extends RedpipeError {
  /** Every violation, flattened. */
  readonly violations: readonly Violation[];

  constructor(readonly model: string, readonly errors: readonly ClassValidatorError[]) {
    const violations = flatten(errors, '');
    super(`${model} failed validation: ${violations.map((v) => `${v.property}: ${v.message} (${v.constraint})`).join('; ')}`);
    this.violations = violations;
  }
}

/** Thrown by `save`/`update` when the model has async constraints, which only `saveValidated` / `validate` can run. */
export class AsyncValidationRequiredError extends RedpipeError {
  constructor(readonly model: string, readonly properties: readonly string[]) {
    super(
      `${model} has async validation constraints on ${properties.map((p) => `'${p}'`).join(', ')}; ` +
        'save() and update() validate synchronously and would skip them: use `await repo.saveValidated(entity, pipe)`, ' +
        'or run `await repo.validate(entity)` first and pass `{ validated: true }` to save() or update()',
    );
  }
}

function flatten(errors: readonly ClassValidatorError[], prefix: string): Violation[] {
  const out: Violation[] = [];
  for (const error of errors) {
    const property = `${prefix}${error.property}`;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) out.push({ property, constraint, message });
    if (error.children?.length) out.push(...flatten(error.children, `${property}.`));
  }
  return out;
}
