// The Pipeline's command methods follow the installed ioredis: its typings (PipelineCommands) list every
// command ioredis knows, so each needs a method, also when that ioredis ships a newer @ioredis/commands than
// redpipe's own (ioredis 6: DELEX, DIGEST, WAITAOF…).
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { pipeline } from '../../lib/pipeline/index.js';

const UNPIPELINED = new Set([
  'multi', 'exec', 'discard', 'watch', 'unwatch', 'monitor', 'quit', 'reset',
  'subscribe', 'unsubscribe', 'psubscribe', 'punsubscribe', 'ssubscribe', 'sunsubscribe',
]);

describe('pipeline: a command method for every command the installed ioredis knows', () => {
  it('each builtin command of ioredis (and its …Buffer twin) is a Pipeline method', () => {
    const pipe = pipeline() as unknown as Record<string, unknown>;
    const names = Redis.prototype.getBuiltinCommands().filter((name) => /^[a-z_]+$/.test(name) && !UNPIPELINED.has(name));
    expect(names.length).to.be.greaterThan(200);
    const missing = names.filter((name) => typeof pipe[name] !== 'function' || typeof pipe[`${name}Buffer`] !== 'function');
    expect(missing).to.deep.equal([]);
  });
});
