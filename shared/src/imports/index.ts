export * from './import-fields.js';
export * from './parse-date.js';
export * from './suggest-mapping.js';
export * from './import-values.js';
export * from './import-row.js';
export * from './check-mapping.js';
