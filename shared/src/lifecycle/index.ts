export * from './escalation-transitions.js';
export * from './validate-journey.js';
