export * from './migrations/index.js';
export * from './migrations/run-migrations.js';
export * from './embedded/embedded-postgres.js';
