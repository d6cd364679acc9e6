import type { Deferred } from '../pipeline/deferred.js';
import { toBoolean, toNumber } from './replies.js';
import { ValueKeyspace, type OneOrMany } from './value-keyspace.js';

/**
 * HyperLogLogs: approximate counts of distinct values, one per id at `prefix{id}`. Values are
 * encoded with `static valueCodec` (Text by default) before they are added, so equal values count once.
 * An array argument always means several values: with an array-valued codec wrap a single value.
 *
 * @example
 * class Visitors extends HyperLogLogKeyspace { static override keyspace = 'V'; }
 * new Visitors('2024-01-01', pipe).pfadd(['alice', 'bob']);
 * new Visitors('2024-01-01', pipe).pfcount('2024-01-02'); // distinct over both days
 */
export class HyperLogLogKeyspace<V = string> extends ValueKeyspace<V> {
  /** Adds one value or several; true when the estimate changed (or the key was created). */
  pfadd(values: OneOrMany<V>): Deferred<boolean> {
    return this.send('pfadd', [this.key, ...this.encodeMany('pfadd', values)], toBoolean);
  }

  /** Estimated number of distinct values in this record and in `otherIds` together. */
  pfcount(otherIds: OneOrMany<string> = []): Deferred<number> {
    return this.send('pfcount', [this.key, ...this.otherKeys('pfcount', otherIds, false)], toNumber);
  }

  /** Merges the HyperLogLogs of `sourceIds` into this record (its own values are kept). */
  pfmerge(sourceIds: OneOrMany<string>): Deferred<void> {
    return this.send<void>('pfmerge', [this.key, ...this.otherKeys('pfmerge', sourceIds, true)], () => undefined);
  }
}
