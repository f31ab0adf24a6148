export * from './escalation-transitions.js';
export * from './validate-journey.js';
export * from './requirement-evidence.js';
