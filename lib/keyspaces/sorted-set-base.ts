// The shared machinery of SortedSetKeyspace: member encoding, ranges, combining and pops.
import { connectionFor, keyPrefixOf, stripKeyPrefix } from '../pipeline/connections.js';
import type { Deferred } from '../pipeline/deferred.js';
import { decodeValue } from '../codecs/codec.js';
import type { ReplyDecoder } from '../pipeline/queued-command.js';
import { checkOptions } from './options.js';
import { decodeOne, decodePairs, isNestedPairs, toNumber, toScore, toText } from './replies.js';
import {
  combineArgs, lexBoundArg, limitArgs, scoreBoundArg, ZADD_OPTIONS,
  type CombineReadOptions, type LexBound, type LexRangeOptions, type Refuse, type ScoreBound,
  type ScoreRangeOptions, type WithScores, type ZAddOptions,
} from './sorted-set-args.js';
import { manyOf, ValueKeyspace, type OneOrMany } from './value-keyspace.js';

const NO_OPTIONS: ZAddOptions = Object.freeze({});

/** The protected helpers behind {@link SortedSetKeyspace}'s commands; not used on its own. */
export abstract class SortedSetBase<V> extends ValueKeyspace<V> {
  /** A `Refuse` for `command` on this key. */
  protected refuser(command: string): Refuse {
    return (reason) => this.refuse(command, reason);
  }

  /** ZADD's options argument: undefined, or a plain object of ZADD options only (see checkOptions). */
  protected optionsOf(command: string, options: ZAddOptions | undefined): ZAddOptions {
    checkOptions(command, this.key, options, ZADD_OPTIONS);
    return options ?? NO_OPTIONS;
  }

  /** Sends a command whose reply is members, or `[member, score]` pairs when `withScores`. */
  protected sendMembers(command: string, args: unknown[], withScores: boolean | undefined): Deferred<V[] | [V, number][]> {
    const binary = this.valueCodec.binary === true;
    if (withScores) {
      args.push('WITHSCORES');
      return this.send(command, args, this.memberPairs(), binary);
    }
    return this.send(command, args, this.memberList(), binary);
  }

  /** Decoder of a member list (one closure per command: the key is named only if a member is unreadable). */
  protected memberList(): ReplyDecoder<V[]> {
    const codec = this.valueCodec;
    return (reply) => {
      const raw = reply as (string | Buffer)[];
      const members = new Array<V>(raw.length);
      for (let i = 0; i < raw.length; i++) {
        try {
          members[i] = codec.decode(raw[i]);
        } catch {
          members[i] = decodeValue(codec, raw[i], this.where());
        }
      }
      return members;
    };
  }

  /** Decoder of a flat `[member, score, …]` reply (or a nested RESP3 one, see isNestedPairs) into pairs. */
  protected memberPairs(): ReplyDecoder<[V, number][]> {
    const codec = this.valueCodec;
    return (reply) => {
      const raw = reply as (string | Buffer)[];
      if (isNestedPairs(raw)) return decodePairs(codec, raw, this.whereOf());
      const pairs = new Array<[V, number]>(raw.length >> 1);
      for (let i = 0; i < raw.length; i += 2) {
        let member: V;
        try {
          member = codec.decode(raw[i]);
        } catch {
          member = decodeValue(codec, raw[i], this.where());
        }
        const score = Number(raw[i + 1]); // Redis writes plain decimals; `inf`, `-inf` take toScore's path
        pairs[i >> 1] = [member, score === score ? score : toScore(raw[i + 1])];
      }
      return pairs;
    };
  }

  /** ZRANGE / ZREVRANGE. */
  protected rankRange(command: string, start: number, stop: number, options: WithScores | undefined): Deferred<V[] | [V, number][]> {
    const args: unknown[] = [this.key, this.whole(command, start), this.whole(command, stop)];
    return this.sendMembers(command, args, options?.withScores);
  }

  /** ZRANGEBYSCORE / ZREVRANGEBYSCORE. */
  protected scoreRange(
    command: string, from: ScoreBound, to: ScoreBound, options: ScoreRangeOptions | undefined,
  ): Deferred<V[] | [V, number][]> {
    const fail = this.refuser(command);
    const args: unknown[] = [this.key, scoreBoundArg(from, fail), scoreBoundArg(to, fail), ...limitArgs(options?.limit, fail)];
    return this.sendMembers(command, args, options?.withScores);
  }

  /** Two lex bounds, encoded. */
  protected lexBounds(command: string, min: LexBound<V>, max: LexBound<V>): (string | Buffer)[] {
    const fail = this.refuser(command);
    const encode = (member: V): string | Buffer => this.encodeFor(this.valueCodec, member);
    return [lexBoundArg(min, encode, fail), lexBoundArg(max, encode, fail)];
  }

  /** ZRANGEBYLEX / ZREVRANGEBYLEX. */
  protected lexRange(command: string, from: LexBound<V>, to: LexBound<V>, options: LexRangeOptions): Deferred<V[]> {
    const args: unknown[] = [this.key, ...this.lexBounds(command, from, to), ...limitArgs(options.limit, this.refuser(command))];
    return this.send(command, args, this.memberList(), this.valueCodec.binary === true);
  }

  /** ZUNIONSTORE / ZINTERSTORE / ZDIFFSTORE into this key from the sets of `ids`. */
  protected store(command: string, ids: OneOrMany<string>, options: CombineReadOptions): Deferred<number> {
    const keys = this.otherKeys(command, ids, true);
    const args: unknown[] = [this.key, keys.length, ...keys, ...combineArgs(options, keys.length, this.refuser(command))];
    return this.send(command, args, toNumber);
  }

  /** ZUNION / ZINTER / ZDIFF of this key and the sets of `ids`. */
  protected combine(command: string, ids: OneOrMany<string>, options: CombineReadOptions): Deferred<V[] | [V, number][]> {
    const keys = [this.key, ...this.otherKeys(command, ids, false)];
    const args: unknown[] = [keys.length, ...keys, ...combineArgs(options, keys.length, this.refuser(command))];
    return this.sendMembers(command, args, options.withScores);
  }

  /** ZPOPMIN / ZPOPMAX: one pair or null without a count, else a list of pairs. */
  protected pop(command: string, count: number | undefined): Deferred<[V, number] | null> | Deferred<[V, number][]> {
    const decode = this.memberPairs();
    const binary = this.valueCodec.binary === true;
    if (count === undefined) {
      return this.send<[V, number] | null>(command, [this.key], (reply) => decode(reply)[0] ?? null, binary);
    }
    return this.send(command, [this.key, this.atLeast(command, count, 0)], decode, binary);
  }

  /** BZPOPMIN / BZPOPMAX over this key and the keys of `ids`: `[id, member, score]` or null on timeout. */
  protected blockingPop(command: string, timeout: number, ids: OneOrMany<string>): Deferred<[string, V, number] | null> {
    const seconds = this.timeout(command, timeout);
    const idsByKey = new Map<string, string>([[this.key, this.id]]);
    for (const id of manyOf(ids)) idsByKey.set(this.otherKey(id), id);
    const codec = this.valueCodec;
    const where = this.whereOf();
    const connection = this.connection;
    return this.send<[string, V, number] | null>(command, [...idsByKey.keys(), seconds], (reply) => {
      if (reply === null) return null;
      const [prefixedKey, member, score] = reply as [string | Buffer, string | Buffer, string | Buffer];
      // The key in the reply carries the ioredis `keyPrefix` of the connection's client.
      const key = stripKeyPrefix(keyPrefixOf(connectionFor(connection)), toText(prefixedKey));
      const id = key === undefined ? undefined : idsByKey.get(key);
      if (id === undefined) throw new Error(`${command.toUpperCase()} answered an unexpected key ${toText(prefixedKey)}`);
      return [id, decodeOne(codec, member, where), toScore(score)];
    }, codec.binary);
  }
}
