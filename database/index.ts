export * from './migrations/index.js';
export * from './migrations/run-migrations.js';
export * from './embedded/embedded-postgres.js';
export * from './seeds/install-template.js';
export * from './demo/index.js';
