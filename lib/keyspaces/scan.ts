import type { RedisClient } from '../pipeline/connections.js';
import { optionNames } from './options.js';

/** Options of every scan: a Redis glob on ids or members, and the COUNT hint. */
export interface ScanOptions {
  match?: string;
  count?: number;
}
/** Every option of ScanOptions, for checkOptions. */
export const SCAN_OPTIONS = optionNames<ScanOptions>()(['match', 'count']);

/** Pages through a cursor command (SCAN, SSCAN, ZSCAN, HSCAN) and yields each page's items. */
export async function* scanPages(
  client: RedisClient,
  command: 'scan' | 'sscan' | 'zscan' | 'hscan',
  key: string | undefined,
  match: string | undefined,
  count: number | undefined,
  buffer = false,
): AsyncGenerator<(string | Buffer)[]> {
  let cursor = '0';
  do {
    const args: (string | number)[] = key === undefined ? [cursor] : [key, cursor];
    if (match !== undefined) args.push('MATCH', match);
    if (count !== undefined) args.push('COUNT', count);
    const reply = buffer ? await client.callBuffer(command, ...args) : await client.call(command, ...args);
    const [next, items] = reply as [string | Buffer, (string | Buffer)[]];
    cursor = next.toString();
    yield items;
  } while (cursor !== '0');
}
