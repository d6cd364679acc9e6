export { Model, Field, type FieldType } from './decorators.js';
export { Entity, coreClass, type CoreClass } from './entity.js';
export { Repository } from './repository.js';
export type { RepositoryOptions, SaveOptions, UpdateOptions } from './repository-options.js';
export { modelMeta, type FieldOptions, type ModelOptions, type FieldMeta, type ModelMeta } from './metadata.js';
export {
  ModelDefinitionError,
  RequiredFieldError,
  UnknownFieldError,
  MissingIdError,
  ValidationError,
  AsyncValidationRequiredError,
  type Violation,
} from './errors.js';
export type { EntityFields, EntityChanges, EntityClass, FieldName } from './types.js';
