// Shared by the key-command specs: a tiny list keyspace made directly on the Keyspace base (a class kind
// other than StringKeyspace, for SORT and type checks), and unique classes bound to a mode's connection.
import type { Deferred } from '../../lib/pipeline/index.js';
import { Keyspace, type KeyTemplate } from '../../lib/keyspaces/index.js';
import { toNumber } from '../../lib/keyspaces/replies.js';
import { uniqueKey } from '../harness/index.js';
import type { Mode } from './collections-support.js';

/** A minimal list keyspace on the base class: only RPUSH, enough to SORT. */
export class TinyListKeyspace extends Keyspace {
  /** RPUSH of raw strings. */
  rpush(values: string[]): Deferred<number> {
    return this.send('rpush', [this.key, ...values], toNumber);
  }
}

/** A fresh TinyListKeyspace subclass with a unique prefix on the mode's connection. */
export function tinyListKind(mode: Mode): typeof TinyListKeyspace {
  return class extends TinyListKeyspace {
    static override keyspace = uniqueKey('L');
    static override connection = mode.connection;
  };
}

/** A Keyspace subclass with a given prefix and key template on the default connection. */
export function templated(keyspace: string, keyTemplate?: KeyTemplate): typeof TinyListKeyspace {
  return class extends TinyListKeyspace {
    static override keyspace = keyspace;
    static override keyTemplate = keyTemplate ?? TinyListKeyspace.keyTemplate;
  };
}

/** Collects an async iterable into a sorted array. */
export async function collectSorted(ids: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const id of ids) all.push(id);
  return all.sort();
}
