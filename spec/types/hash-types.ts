// Compile-only type spec of HashKeyspace and HashedStringKeyspace: `npm run typecheck:types`. Nothing here
// runs. Member values follow the field map F, member names are checked against it.
import { Binary, Integer, Text } from '../../lib/codecs/index.js';
import { HashedStringKeyspace, HashKeyspace } from '../../lib/keyspaces/index.js';
import type { Deferred, Pipeline } from '../../lib/index.js';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

declare const pipe: Pipeline;

type UserFields = { name: string; age: number; avatar: Buffer };
class Users extends HashKeyspace<UserFields> {
  static override keyspace = 'U';
  static override fields = { name: Text, age: Integer, avatar: Binary };
}
class Plain extends HashKeyspace {
  static override keyspace = 'P';
}
class Emails extends HashedStringKeyspace<number> {
  static override keyspace = 'E';
  static override valueCodec = Integer;
}

const u = new Users('1', pipe);
const age = u.hget('age');
export const hgetTyped: Equals<typeof age, Deferred<number | null>> = true;
const mixed = u.hmget(['age', 'avatar']);
export const hmgetTyped: Equals<typeof mixed, Deferred<(number | Buffer | null)[]>> = true;
const all = u.hgetall();
export const hgetallPartial: Equals<typeof all, Deferred<Partial<UserFields>>> = true;
const added = u.hset('name', 'joe');
export const hsetCounts: Equals<typeof added, Deferred<number>> = true;
const addedMap = u.hset({ name: 'joe', age: 3 });
export const hsetMapCounts: Equals<typeof addedMap, Deferred<number>> = true;
const nx = u.hsetnx('age', 1);
export const hsetnxBoolean: Equals<typeof nx, Deferred<boolean>> = true;
const pairs = u.hrandfield(2, { withValues: true });
export const hrandfieldPairs: Equals<typeof pairs, Deferred<(['name', string] | ['age', number] | ['avatar', Buffer])[]>> = true;
const one = u.hrandfield();
export const hrandfieldOne: Equals<typeof one, Deferred<string | null>> = true;
// @ts-expect-error: age is an Integer member
u.hset('age', 'old');
// @ts-expect-error: not a member of UserFields
u.hget('nickname');
const text = new Plain('1').hget('anything');
export const plainText: Equals<typeof text, Deferred<string | null>> = true;
const id = new Emails('user@x.com', pipe).get();
export const hashedStringTyped: Equals<typeof id, Deferred<number | null>> = true;
const ids = new Emails('user@x.com', pipe).mget(['a', 'b']);
export const hashedStringMget: Equals<typeof ids, Deferred<(number | null)[]>> = true;
export async function scanTyped(): Promise<void> {
  for await (const entry of Emails.scan()) {
    const check: Equals<typeof entry, [string, number]> = true;
    void check;
  }
}
// @ts-expect-error: Integer values
new Emails('x', pipe).set('1');

// An interface (not only a type alias) describes a hash's members.
interface ProfileInterface {
  name: string;
  visits: number;
}
class InterfaceProfiles extends HashKeyspace<ProfileInterface> {
  static override keyspace = 'IP';
}
declare const interfaceProfile: InterfaceProfiles;
const interfaceVisits = interfaceProfile.hget('visits');
export const interfaceTyped: Equals<typeof interfaceVisits, Deferred<number | null>> = true;
