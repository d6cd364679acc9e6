// The seed README's keyspace example: the followers of users 1 and 2 in sorted sets F{1} and F{2},
// written and read in one pipeline (one round trip).
//
//   class Followers(redpipe.SortedSet):
//       _keyspace = 'F'
//   with redpipe.pipeline(name='default') as pipe:
//       f1 = Followers('1', pipe=pipe)
//       f2 = Followers('2', pipe=pipe)
//       f1.zadd('a', score=1)
//       f2.zadd('a', score=2)
//       f1_members = f1.zrange(0, -1)
//       f2_members = f2.zrange(0, -1)
import { pipeline, SortedSetKeyspace } from 'redpipe';
import { printer } from './support.js';

class Followers extends SortedSetKeyspace {
  static override keyspace = 'F';
}

export const expected = ["F{1} members: [ 'a' ]", "F{2} members: [ 'a' ]"];

export async function run(): Promise<string[]> {
  const { print, lines } = printer();

  const pipe = pipeline();
  const f1 = new Followers('1', pipe);
  const f2 = new Followers('2', pipe);
  f1.zadd('a', 1);
  f2.zadd('a', 2);
  const f1Members = f1.zrange(0, -1);
  const f2Members = f2.zrange(0, -1);
  await pipe.execute();
  print(`${f1.key} members:`, f1Members.result);
  print(`${f2.key} members:`, f2Members.result);

  return lines;
}
