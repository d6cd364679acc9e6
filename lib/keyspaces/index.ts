export { Keyspace, type KeyspaceClass, type ExpireOptions, type ScriptCall, type SortOptions } from './keyspace.js';
export { braceKeyTemplate, escapeGlob, type KeyTemplate } from './key-template.js';
export { InvalidIdError, InvalidArgumentError, KeyspaceDefinitionError } from './errors.js';
export type { ScanOptions } from './scan.js';
// Each keyspace class adds its export line below.
