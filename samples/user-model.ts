// The seed README's `User` model: typed fields in a Redis hash, two users created in one pipeline, then
// read and modified in another, and the `core` escape hatch to the hash underneath.
import 'reflect-metadata';
import { IsEmail } from 'class-validator';
import {
  BooleanField, Entity, Field, Integer, Model, pipeline, Repository, Text, ValidationError,
} from 'redpipe';
import { printer } from './support.js';

@Model('U')
class User extends Entity {
  id!: string;
  @Field(Text, { required: true }) name!: string;
  @Field(Text) lastName?: string;
  @Field(Integer) lastSeen?: number;
  @Field(BooleanField, { default: false }) admin!: boolean;
  @IsEmail() @Field(Text) email?: string;

  /** Methods work on loaded entities: they come back as real User instances. */
  greeting(): string {
    return `hello ${this.name}`;
  }
}

const users = new Repository(User);

export const expected = [
  'first batch: [{"id":"1","name":"Bob","lastSeen":1700000000,"admin":false},{"id":"2","name":"Jill","lastSeen":1700000000,"admin":false}]',
  'second batch: [{"name":"Bobby","lastSeen":1700000060,"admin":false,"id":"1"},{"name":"Jill","lastSeen":1700000000,"admin":false,"id":"2"}]',
  'hello Bobby',
  'core: Bobby',
  'refused: User failed validation: email: email must be an email (isEmail)',
  'after delete: null',
];

export async function run(): Promise<string[]> {
  const { print, lines } = printer();
  const seen = 1_700_000_000;

  // Create a few users: both saves go to Redis in one round trip when the pipeline executes.
  const pipe = pipeline();
  const u1 = users.save(users.create({ id: '1', name: 'Bob', lastSeen: seen }), pipe);
  const u2 = users.save(users.create({ id: '2', name: 'Jill', lastSeen: seen }), pipe);
  await pipe.execute();
  print('first batch: %s', JSON.stringify([users.toPlain(u1.result), users.toPlain(u2.result)]));

  // Read both users and modify one, again in one round trip.
  const pipe2 = pipeline();
  users.update('1', { name: 'Bobby', lastSeen: seen + 60 }, pipe2);
  const both = users.getMany(['1', '2'], pipe2);
  await pipe2.execute();
  const [bob, jill] = both.result;
  print('second batch: %s', JSON.stringify([bob, jill].map((u) => u && users.toPlain(u))));
  print(bob?.greeting() ?? 'missing');

  // The escape hatch: the hash behind the model, with the model's field types.
  print('core: %s', await User.core('1').hget('name').promise);

  // class-validator runs before anything is queued.
  try {
    users.save(users.create({ id: '3', name: 'Eve', email: 'not-an-email' }));
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    print('refused: %s', error.message);
  }

  await users.delete(['1', '2']).promise;
  print('after delete: %s', await users.get('1').promise);
  return lines;
}
