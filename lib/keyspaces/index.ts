export {
  Keyspace, type KeyspaceClass, type ExpireOptions, type ScriptCall, type SortOptions, type RestoreOptions, type RestoreNxOptions,
} from './keyspace.js';
export { braceKeyTemplate, escapeGlob, type KeyTemplate } from './key-template.js';
export { InvalidIdError, InvalidArgumentError, KeyspaceDefinitionError } from './errors.js';
export type { ScanOptions } from './scan.js';
// Each keyspace class adds its export line below.
export { ValueKeyspace, type OneOrMany } from './value-keyspace.js';
export { SetKeyspace, type SintercardOptions } from './set.js';
export { ListKeyspace, type ListEnd, type LposOptions, type LposCountOptions } from './list.js';
export {
  StringKeyspace, type ValuesById, type StringSetOptions, type GetExOptions, type ExpiryOptions,
  type BitCountRange, type BitPosRange, type BitOperation,
} from './string.js';
export { HyperLogLogKeyspace } from './hyperloglog.js';
export { SortedSetKeyspace } from './sorted-set.js';
export type {
  ScoreBound, LexBound, ZAddOptions, ZAddMembers, RangeLimit, WithScores, ScoreRangeOptions, LexRangeOptions,
  CombineOptions, CombineReadOptions, RangeStoreOptions,
} from './sorted-set-args.js';
export { HashKeyspace, type HashEntry, type MemberOf, type HrandfieldOptions } from './hash.js';
export { HashedStringKeyspace, type HashedStringSetOptions } from './hashed-string.js';
