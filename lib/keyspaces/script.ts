import { createHash } from 'node:crypto';

/** The SHA1 Redis knows a Lua script by (EVALSHA). */
export function scriptSha(script: string): string {
  return createHash('sha1').update(script).digest('hex');
}
