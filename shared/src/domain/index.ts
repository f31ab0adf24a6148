export * from './vocabulary.js';
export * from './protocol.js';
export * from './timescale.js';
export * from './calendar.js';
export * from './record-access.js';
