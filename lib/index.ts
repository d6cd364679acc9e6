import 'reflect-metadata';

export * from './errors.js';
export * from './pipeline/index.js';
