// Keyspaces: classes that name a key prefix, a connection and codecs, so code says `new Visits(id)`
// instead of building `V{id}` by hand, and values come back typed. Every call queues on the pipe the
// instance was made with (or, without one, is its own round trip).
import {
  BooleanField, HashKeyspace, Integer, InvalidValueError, pipeline, SetKeyspace, StringKeyspace, Text,
} from 'redpipe';
import { printer } from './support.js';

/** A counter per page: values are integers on the way in and on the way out. */
class Visits extends StringKeyspace<number> {
  static override keyspace = 'V';
  static override valueCodec = Integer;
}

/** A profile hash with a codec per member; members not listed are plain text. */
type Profile = { name: string; visits: number; admin: boolean };
class Profiles extends HashKeyspace<Profile> {
  static override keyspace = 'P';
  static override connection = 'users';
  static override fields = { name: Text, visits: Integer, admin: BooleanField };
}

/** Tags of an article. */
class Tags extends SetKeyspace {
  static override keyspace = 'T';
}

export const expected = [
  'visits: 2 then 12, stored under V{home}',
  "profile: { name: 'Ada', visits: 3, admin: true }",
  'admin stored as: "1"',
  "tags: [ 'redis', 'ts' ], common: [ 'redis' ]",
  'refused: Integer refused "many" for key V{home}: expected a number, got string',
  'ids: about, home',
];

export async function run(): Promise<string[]> {
  const { print, lines } = printer();

  const pipe = pipeline();
  const home = new Visits('home', pipe);
  const first = home.incrby(2);
  const then = home.incrby(10);
  new Visits('about', pipe).set(1);
  new Profiles('ada', pipe).hset({ name: 'Ada', visits: 3, admin: true });
  const profile = new Profiles('ada', pipe).hgetall(); // Deferred<Partial<Profile>>
  new Tags('a1', pipe).sadd(['redis', 'ts']);
  new Tags('a2', pipe).sadd('redis');
  const tags = new Tags('a1', pipe).smembers();
  const common = new Tags('a1', pipe).sinter('a2'); // the other ids, never raw keys
  await pipe.execute(); // one round trip per connection: 'default' and 'users'
  print(`visits: ${first.result} then ${then.result}, stored under ${home.key}`);
  print('profile:', profile.result);
  // What is really stored (read afterwards: connections run in parallel, so no order between them).
  const raw = pipeline(undefined, { name: 'users' });
  const admin = raw.hget('P{ada}', 'admin');
  await raw.execute();
  print('admin stored as: %j', admin.result);
  print('tags: %O, common: %O', [...tags.result].sort(), common.result);

  // Values are checked when queued: a bad one throws at once and nothing is sent.
  try {
    new Visits('home').set('many' as unknown as number);
  } catch (error) {
    if (!(error instanceof InvalidValueError)) throw error;
    print('refused:', error.message);
  }

  // Scans are async iterators over ids (never inside a pipeline).
  const ids: string[] = [];
  for await (const id of Visits.scanIds()) ids.push(id);
  print('ids:', ids.sort().join(', '));
  return lines;
}
