import { list } from '@ioredis/commands';
import { Pipeline } from './pipeline.js';

const UNPIPELINED = new Set([
  'multi', 'exec', 'discard', 'watch', 'unwatch', 'monitor', 'quit', 'reset',
  'subscribe', 'unsubscribe', 'psubscribe', 'punsubscribe', 'ssubscribe', 'sunsubscribe',
]);

type CommandMethod = (this: Pipeline, ...args: unknown[]) => unknown;

/** Installs one queuing method (and its `…Buffer` twin) per Redis command on the Pipeline prototype. */
function installCommandMethods(): void {
  const proto = Pipeline.prototype as unknown as Record<string, CommandMethod>;
  for (const name of list) {
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
