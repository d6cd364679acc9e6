// `npm run bench:models`: what the model layer costs over hand-written ioredis code doing the same work.
//
// 10,000 users with 5 fields (name, email, age, score, admin):
//   save: (a) one raw ioredis pipeline of HSET with hand-written conversion (String(), '1'/'');
//         (b) Repository.save() of each entity in one redpipe pipeline, validation off.
//   load: (a) one raw ioredis pipeline of HGETALL, converted by hand into User instances;
//         (b) Repository.get() of each id in one redpipe pipeline.
//   class-validator: (c) save with validation on (@Length, @IsEmail, @Min, @Max), against (b).
// Goal: (b) within 1.25× of (a) for save and for load. Knobs: BENCH_N, BENCH_RUNS, BENCH_WARMUP.
import 'reflect-metadata';
import { IsEmail, Length, Max, Min } from 'class-validator';
import { Redis } from 'ioredis';
import {
  BooleanField, connect, disconnect, Entity, Field, Float, Integer, Model, pipeline, Repository, Text,
} from '../lib/index.js';
import { measure, median, opsPerSecond, pairedRatio, startBenchRedis, table, thousands, type Variant } from './support.js';

const N = Number(process.env.BENCH_N ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const GOAL = 1.25;

/** The model is declared once the run's key prefix is known, so a shared server is never clobbered. */
function defineUser(keyspace: string) {
  @Model(keyspace)
  class User extends Entity {
    id!: string;
    @Length(1, 50) @Field(Text, { required: true }) name!: string;
    @IsEmail() @Field(Text) email!: string;
    @Min(0) @Max(150) @Field(Integer) age!: number;
    @Field(Float) score!: number;
    @Field(BooleanField) admin!: boolean;
  }
  return User;
}

type User = InstanceType<ReturnType<typeof defineUser>>;

async function main(): Promise<number> {
  const redis = await startBenchRedis();
  const client = new Redis(redis.options);
  connect(client);
  const keyspace = `${redis.prefix}U`;
  const User = defineUser(keyspace);
  const users = new Repository(User, { validation: false });
  const validatedUsers = new Repository(User);
  const entities: User[] = Array.from({ length: N }, (_, i) =>
    users.create({ id: String(i), name: `user ${i}`, email: `u${i}@example.com`, age: i % 120, score: i / 7, admin: i % 3 === 0 }));
  const keys = entities.map((u) => `${keyspace}{${u.id}}`);

  const saveVariants: Variant[] = [
    {
      name: 'raw ioredis HSET + hand conversion',
      run: async () => {
        const batch = client.pipeline();
        entities.forEach((u, i) =>
          batch.hset(keys[i], 'name', u.name, 'email', u.email, 'age', String(u.age), 'score', String(u.score), 'admin', u.admin ? '1' : ''));
        return batch.exec();
      },
    },
    {
      name: 'Repository.save (validation off)',
      run: async () => {
        const pipe = pipeline();
        const saved = entities.map((u) => users.save(u, pipe));
        await pipe.execute();
        return saved;
      },
    },
    {
      name: 'Repository.save (class-validator on)',
      run: async () => {
        const pipe = pipeline();
        const saved = entities.map((u) => validatedUsers.save(u, pipe));
        await pipe.execute();
        return saved;
      },
    },
  ];
  const loadVariants: Variant[] = [
    {
      name: 'raw ioredis HGETALL + hand conversion',
      run: async () => {
        const batch = client.pipeline();
        for (const key of keys) batch.hgetall(key);
        const replies = (await batch.exec()) ?? [];
        return replies.map(([, reply], i) => {
          const h = reply as Record<string, string>;
          if (!h.name) return null;
          const u = new User();
          u.id = entities[i].id;
          u.name = h.name;
          u.email = h.email;
          u.age = Number(h.age);
          u.score = Number(h.score);
          u.admin = h.admin === '1';
          return u;
        });
      },
    },
    {
      name: 'Repository.get',
      run: async () => {
        const pipe = pipeline();
        const loaded = entities.map((u) => users.get(u.id, pipe));
        await pipe.execute();
        return loaded;
      },
    },
  ];

  const rows: string[][] = [];
  const ratios: Record<string, number> = {};
  try {
    console.log(`bench:models  N=${N} users × 5 fields, ${WARMUP} warm-up + ${RUNS} timed runs (median), Redis ${redis.url}${redis.owned ? ' (throwaway)' : ''}, Node ${process.version}\n`);
    for (const [label, list] of [['save', saveVariants], ['load', loadVariants]] as const) {
      const times = await measure(list, { warmup: WARMUP, runs: RUNS });
      const base = times.get(list[0].name) ?? [];
      for (const variant of list) {
        const own = times.get(variant.name) ?? [];
        const ms = median(own);
        const paired = pairedRatio(own, base);
        // Judged on the paired ratio: it drifts least when the machine's load changes during the run.
        ratios[variant.name] = paired;
        rows.push([label, variant.name, ms.toFixed(1), thousands(opsPerSecond(N, ms)), `${(ms / median(base)).toFixed(2)}×`, `${paired.toFixed(2)}×`]);
      }
    }
    console.log(table(['op', 'done by', 'median ms', 'entities/s', 'time vs raw', 'paired'], rows, [2, 3, 4, 5]));
    const save = ratios['Repository.save (validation off)'];
    const load = ratios['Repository.get'];
    const validation = ratios['Repository.save (class-validator on)'] / save;
    console.log(`\nclass-validator on top of save: ${validation.toFixed(2)}× the unvalidated save`);
    const met = save <= GOAL && load <= GOAL;
    console.log(`goal: save and load within ${GOAL}× of raw (paired): ${met ? 'met' : 'NOT met'} (save ${save.toFixed(2)}×, load ${load.toFixed(2)}×)`);
    return 0;
  } finally {
    disconnect();
    await client.quit().catch(() => undefined);
    await redis.stop();
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  return 1;
});
