// Models with one field of every type, shared by the field-domain and refusal specs.
import {
  Ascii, BigIntField, Binary, BooleanField, custom, DateTime, Dict, Entity, Enum, Field, Float, Integer, Json, List, Model,
  Repository, StringList, Text, type JsonObject, type JsonValue,
} from '../../lib/index.js';
import { uniqueKey } from '../harness/index.js';

/** A TypeScript string enum, values with spaces and an astral character included. */
export enum Role {
  Admin = 'admin',
  Guest = 'guest',
  Star = '⭐ star 😀',
}

/** An Enum from a list of strings (the empty string is a value like any other). */
export const Level = Enum(['low', 'mid', 'high', ''] as const);
export type Level = 'low' | 'mid' | 'high' | '';

/** A point with safe integer coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** A custom codec: `x;y`, refusing coordinates that are not safe integers and unreadable stored text. */
export const PointCodec = custom<Point>({
  name: 'Point',
  encode: ({ x, y }) => {
    if (!Number.isSafeInteger(x) || !Number.isSafeInteger(y)) throw new Error('coordinates must be safe integers');
    return `${x};${y}`;
  },
  decode: (raw) => {
    const match = /^(-?\d+);(-?\d+)$/.exec(raw.toString());
    if (!match) throw new Error('expected x;y');
    return { x: Number(match[1]), y: Number(match[2]) };
  },
});

export const EVERYTHING = uniqueKey('FE');

/** Every field type on one model; its Binary field makes every read ask for Buffer replies. */
@Model(EVERYTHING)
export class Everything extends Entity {
  id!: string;
  @Field(Text) text?: string;
  @Field(Ascii) ascii?: string;
  @Field(Binary) bytes?: Buffer;
  @Field(Integer) int?: number;
  @Field(BigIntField) big?: bigint;
  @Field(Float) float?: number;
  @Field(BooleanField) flag?: boolean;
  @Field(List) list?: JsonValue[];
  @Field(Dict) dict?: JsonObject;
  @Field(Json<JsonValue>()) json?: JsonValue;
  @Field(StringList) strings?: string[];
  @Field(DateTime) when?: Date;
  @Field(Enum(Role)) role?: Role;
  @Field(Level) level?: Level;
  @Field(PointCodec) point?: Point;
}

export const TEXTUAL = uniqueKey('FT');

/** Text-like fields on a model without a binary field: reads get string replies. */
@Model(TEXTUAL)
export class Textual extends Entity {
  id!: string;
  @Field(Text) text?: string;
  @Field(Dict) dict?: JsonObject;
  @Field(StringList) strings?: string[];
  @Field(Enum(Role)) role?: Role;
}

export const everything = new Repository(Everything);
export const textual = new Repository(Textual);
