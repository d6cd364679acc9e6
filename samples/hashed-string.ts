// redpipe's HashedString: an index of email → user id kept in 64 shard hashes E{0}…E{63} instead of one
// key per email. The logical key 'user@x.com' is the member 'user@x.com' of the hash E{shard}, where
// shard = int(md5('user@x.com').hexdigest(), 16) % 64, exactly as Python redpipe computes it, so both
// read and write the same index.
//
//   class Emails(redpipe.HashedString):
//       keyspace = 'E'
//   with redpipe.pipeline(autoexec=True) as pipe:
//       Emails(pipe).set('user@x.com', '1001')
import { autoexec, HashedStringKeyspace, pipeline } from 'redpipe';
import { printer } from './support.js';

class Emails extends HashedStringKeyspace {
  static override keyspace = 'E';
}

export const expected = [
  'user@x.com lives in E{49} (shard 49 of 64)',
  'user@x.com -> 1001',
  "mget: [ '1001', '1002', null ]",
  'raw HGET E{49} user@x.com: 1001',
  'scan: alice@x.com=1002, user@x.com=1001',
  'after delete: user@x.com exists: false, removed 1',
];

export async function run(): Promise<string[]> {
  const { print, lines } = printer();

  const user = new Emails('user@x.com');
  print(`${user.id} lives in ${user.key} (shard ${user.shard} of ${Emails.shardCount})`);

  // Writes and reads in one round trip: each instance is bound to one logical key and the pipe.
  const pipe = pipeline();
  new Emails('user@x.com', pipe).set('1001');
  new Emails('alice@x.com', pipe).set('1002');
  const id = new Emails('user@x.com', pipe).get();
  const ids = new Emails('user@x.com', pipe).mget(['alice@x.com', 'nobody@x.com']); // one HMGET per shard
  const stored = pipe.hget(user.key, 'user@x.com'); // what is really in Redis
  await pipe.execute();
  print(`${user.id} ->`, id.result);
  print('mget:', ids.result);
  print(`raw HGET ${user.key} user@x.com:`, stored.result);

  // A scan visits every shard (redpipe skipped the last one); never inside a pipeline.
  const found: string[] = [];
  for await (const [email, userId] of Emails.scan({ match: '*@x.com' })) found.push(`${email}=${userId}`);
  print('scan:', found.sort().join(', '));

  // delete is HDEL of the member: the other emails of shard 49 stay.
  const [exists, removed] = autoexec(undefined, (p) => {
    const removedCount = new Emails('user@x.com', p).delete();
    new Emails('alice@x.com', p).delete();
    return [new Emails('user@x.com', p).exists(), removedCount] as const;
  });
  await exists.promise;
  print(`after delete: ${user.id} exists: ${String(exists.result)}, removed ${removed.result}`);

  return lines;
}
