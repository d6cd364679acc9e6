import { list } from '@ioredis/commands';
import { Redis } from 'ioredis';
import { Pipeline } from './pipeline.js';

const UNPIPELINED = new Set([
  'multi', 'exec', 'discard', 'watch', 'unwatch', 'monitor', 'quit', 'reset',
  'subscribe', 'unsubscribe', 'psubscribe', 'punsubscribe', 'ssubscribe', 'sunsubscribe',
]);

type CommandMethod = (this: Pipeline, ...args: unknown[]) => unknown;

/** Installs one queuing method (and its `…Buffer` twin) per Redis command on the Pipeline prototype. */
function installCommandMethods(): void {
  const proto = Pipeline.prototype as unknown as Record<string, CommandMethod>;
  // The installed ioredis's own command list too: its typings (which PipelineCommands reuses) follow that
  // list, which can be newer than ours (ioredis 6 uses @ioredis/commands 2.x: DELEX, DIGEST, WAITAOF…).
  for (const name of new Set([...list, ...Redis.prototype.getBuiltinCommands()])) {
    if (UNPIPELINED.has(name) || !/^[a-z_]+$/.test(name) || name in proto) continue;
    proto[name] = function (...args) {
      return this.queue(name, args);
    };
    proto[`${name}Buffer`] = function (...args) {
      return this.queue(name, args, { buffer: true });
    };
  }
}

installCommandMethods();
