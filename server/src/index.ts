import 'reflect-metadata';

export { createApp, type CreateAppOptions, type RunningApp } from './create-app.js';
export { AppConfigError, loadAppConfig, type AppConfig } from './config/app-config.js';
export { migrateDatabase, openDatabase, type DatabaseHandle } from './database/database-lifecycle.js';
export { API_RESOLVERS, generateSchemaSdl, printSchemaFile } from './graphql/schema-sdl.js';
export { CommonErrorCode } from './common/errors/common-error-code.js';
export { PartnershipsErrorCode } from './partnerships/partnerships.exception.js';
