// The kernel: errors, ids, money, clock and result types shared by every layer.
// It imports nothing else of ours.
export * from './clock.js';
export * from './codes.js';
export * from './collections.js';
export * from './compensation.js';
export * from './deferred.js';
export * from './errors.js';
export * from './ids.js';
export * from './lossless-json.js';
export * from './money.js';
export * from './result.js';
