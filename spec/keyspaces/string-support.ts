// Shared by the String and HyperLogLog keyspace specs: classes with unique prefixes bound to a mode's
// connection, and the raw key of an id as redpipe writes it.
import type { Redis } from 'ioredis';
import type { Codec } from '../../lib/codecs/index.js';
import { Text } from '../../lib/codecs/index.js';
import { HyperLogLogKeyspace, StringKeyspace } from '../../lib/keyspaces/index.js';
import { uniqueKey } from '../harness/index.js';
import type { Mode, Servers } from './collections-support.js';

/** `prefix{id}`, spelled out (not through the library) so the tests check the key format. */
export { rawKey } from './collections-support.js';

/** A fresh StringKeyspace subclass with a unique prefix, on the mode's connection. */
export function stringKind<V = string>(mode: Mode, codec: Codec<V> = Text as unknown as Codec<V>, prefix = 'S'): typeof StringKeyspace<V> {
  return class extends StringKeyspace<V> {
    static override keyspace = uniqueKey(prefix);
    static override connection = mode.connection;
    static override valueCodec = codec;
  };
}

/** A fresh HyperLogLogKeyspace subclass with a unique prefix, on the mode's connection. */
export function hllKind<V = string>(mode: Mode, codec: Codec<V> = Text as unknown as Codec<V>): typeof HyperLogLogKeyspace<V> {
  return class extends HyperLogLogKeyspace<V> {
    static override keyspace = uniqueKey('H');
    static override connection = mode.connection;
    static override valueCodec = codec;
  };
}

/** The plain client of the mode's server. */
export function rawOf(servers: Servers, mode: Mode): Redis {
  return servers[mode.which];
}

/** Waits long enough for a wrongly sent command to reach the proxy. */
export function settle(ms = 30): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
