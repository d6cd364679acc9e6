import type { ValidatorOptions } from 'class-validator';
import { optionNames } from '../keyspaces/options.js';
import { checkPipe, Pipeline } from '../pipeline/pipeline.js';

/** Options of a Repository. */
export interface RepositoryOptions {
  /** Run class-validator before every save and update (default true). */
  validation?: boolean;
  /**
   * Options passed to class-validator. By default unset and `null` properties are not validated
   * (`skipMissingProperties`), so `@IsEmail() @Field(Text) email?: string` accepts an entity without an
   * email and `null` (which removes the field); use `@IsDefined()` or `required: true` to insist on a value.
   */
  validator?: ValidatorOptions;
}
/** Every option of RepositoryOptions, for checkOptions. */
export const REPOSITORY_OPTIONS = optionNames<RepositoryOptions>()(['validation', 'validator']);

/** Options of `save()`. */
export interface SaveOptions {
  /** Write only the fields the stored record lacks; the entity then reflects what is stored. */
  nx?: boolean;
  /** Skip validation (the caller already ran `await repo.validate(entity)`). */
  validated?: boolean;
}
/** Every option of SaveOptions, for checkOptions. */
export const SAVE_OPTIONS = optionNames<SaveOptions>()(['nx', 'validated']);

/** Options of `update()`. */
export interface UpdateOptions {
  /** Skip validation (the caller already validated the changes). */
  validated?: boolean;
}
/** Every option of UpdateOptions, for checkOptions. */
export const UPDATE_OPTIONS = optionNames<UpdateOptions>()(['validated']);

/** Lets options stand in the pipe's place when there is no pipe: `save(user, { nx: true })`. */
export function pipeAndOptions<O extends object>(pipeOrOptions: Pipeline | O | undefined, options: O | undefined): [Pipeline | undefined, O | undefined] {
  if (pipeOrOptions === undefined || pipeOrOptions instanceof Pipeline) return [pipeOrOptions, options];
  if (options === undefined && Object.getPrototypeOf(pipeOrOptions) === Object.prototype) return [undefined, pipeOrOptions];
  return [checkPipe(pipeOrOptions, 'Repository'), options];
}
