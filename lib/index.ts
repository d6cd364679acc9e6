import 'reflect-metadata';

export * from './errors.js';
export * from './pipeline/index.js';
export * from './codecs/index.js';
export * from './keyspaces/index.js';
export * from './models/index.js';
