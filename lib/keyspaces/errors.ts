import { RedpipeError } from '../errors.js';

/** Thrown when a keyspace is given an id it cannot use (not a string, empty, or holding `{`/`}`); nothing is queued. */
export class InvalidIdError extends RedpipeError {
  constructor(readonly keyspace: string, readonly id: unknown, reason: string) {
    super(`keyspace '${keyspace}': invalid id ${typeof id === 'string' ? JSON.stringify(id) : String(id)}: ${reason}`);
  }
}

/** Thrown when a keyspace command gets arguments Redis would refuse or misread (e.g. nx with xx); nothing is queued. */
export class InvalidArgumentError extends RedpipeError {
  constructor(readonly command: string, readonly key: string, reason: string) {
    super(`${command.toUpperCase()} ${key}: ${reason}`);
  }
}

/** Thrown when a keyspace class is declared wrongly (no `static keyspace`, a bad key template). */
export class KeyspaceDefinitionError extends RedpipeError {}
