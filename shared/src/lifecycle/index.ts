export * from './escalation-transitions.js';
export * from './validate-journey.js';
export * from './requirement-evidence.js';
export * from './strategic-log-transitions.js';
export * from './learning-transitions.js';
export * from './escalation-requirements.js';
