export { DEFAULT_DEMO_SEED, DEFAULT_DEMO_SIZE, DemoDataError, generateDemoData } from './generate-demo-data.js';
export type { DemoDataOptions, DemoPartnershipSummary, DemoSummary } from './generate-demo-data.js';
export { DEMO_CHILD_KEY_SECRET, seedDemoData, seedDemoDataIfEmpty, seedDemoDataIfEmptyWithSummary } from './seed-demo-data.js';
