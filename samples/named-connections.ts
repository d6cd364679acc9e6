// The seed README's named connections: clients bound to names once at start-up, and pipelines that
// name the connection their commands go to. run-all binds 'users' (and 'default') to one throwaway
// server and 'messages' to another.
import { autoexec, pipeline } from 'redpipe';
import { printer } from './support.js';

export const expected = [
  'users: u{1}.name = joe',
  'messages: m{1}.body = hi there',
  'm{1} on the users server: 0',
];

export async function run(): Promise<string[]> {
  const { print, lines } = printer();

  // At start-up:
  //   connect(new Redis(6379), 'users');
  //   connect(new Redis(6380), 'messages');
  const users = pipeline(undefined, { name: 'users' });
  users.hset('u{1}', 'name', 'joe');
  await users.execute();

  const messages = pipeline(undefined, { name: 'messages' });
  messages.hset('m{1}', 'body', 'hi there');
  await messages.execute();

  // One root can mix connections: each nested pipeline names its own (names are never inherited),
  // and execute() makes one round trip per connection, all in parallel.
  const pipe = pipeline();
  const name = autoexec(pipe, (p) => p.hget('u{1}', 'name'), { name: 'users' });
  const body = autoexec(pipe, (p) => p.hget('m{1}', 'body'), { name: 'messages' });
  const misplaced = autoexec(pipe, (p) => p.exists('m{1}'), { name: 'users' });
  await pipe.execute();
  print('users: u{1}.name =', name.result);
  print('messages: m{1}.body =', body.result);
  print('m{1} on the users server:', misplaced.result);

  return lines;
}
