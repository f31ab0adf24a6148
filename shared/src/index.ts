export * from './domain/index.js';
export * from './protocols/index.js';
export * from './protocols/validate-protocol.js';
export * from './lifecycle/index.js';
export * from './calendar/index.js';
export * from './timescales/index.js';
export * from './imports/index.js';
export * from './reminders/index.js';
