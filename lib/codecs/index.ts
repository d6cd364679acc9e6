/** Value codecs shared by keyspaces (keys, values, members) and models (fields). */
export type { Codec, Decoded } from './codec.js';
export { encodeValue, decodeValue } from './codec.js';
export { InvalidValueError, DecodeError } from './errors.js';
export type { InvalidValueDetails, DecodeDetails } from './errors.js';
export { Text, Ascii } from './text.js';
export { Binary } from './binary.js';
export { Integer, BigIntField } from './integer.js';
export { Float } from './float.js';
export { BooleanField } from './boolean.js';
export { List, Dict, Json } from './json.js';
export type { JsonValue, JsonObject, JsonPrimitive, JsonOptions } from './json.js';
export { StringList } from './string-list.js';
export { DateTime } from './datetime.js';
export { Enum } from './enum.js';
export type { EnumOptions } from './enum.js';
export { custom } from './custom.js';
export type { CustomCodecSpec } from './custom.js';
