export * from './reminder-timing.js';
