/**
 * One jest run for every suite. TypeScript runs as ES modules through ts-jest, so
 * jest needs `NODE_OPTIONS=--experimental-vm-modules` (set by `npm test`).
 * Integration and browser tests import the built packages (`npm test` builds first),
 * so they exercise exactly the code that ships.
 */
const tsJest = (tsconfig) => ({
  '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig }],
});

const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

export default {
  // Global: jest ignores testTimeout inside a project. Integration hooks boot the app and its database.
  testTimeout: 60000,
  // Run suites in a worker that is replaced once it holds more than this after a suite: the
  // ES-module registry of each suite is otherwise never freed, and a long serial run in the
  // main process slows to a crawl under garbage collection. (Setting it also makes jest use
  // a worker on a 2-core machine, where it would otherwise run everything in its own process.)
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      ...common,
      displayName: 'shared',
      rootDir: '<rootDir>/shared',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      testEnvironment: 'node',
      transform: tsJest('<rootDir>/tsconfig.spec.json'),
    },
    {
      ...common,
      displayName: 'web',
      rootDir: '<rootDir>/web',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
      testEnvironment: 'jsdom',
      transform: tsJest('<rootDir>/tsconfig.spec.json'),
    },
    {
      ...common,
      displayName: 'integration',
      rootDir: '<rootDir>/test',
      testMatch: ['<rootDir>/api/**/*.test.ts', '<rootDir>/browser/**/*.test.ts'],
      testEnvironment: 'node',
      globalSetup: '<rootDir>/support/global-setup.ts',
      globalTeardown: '<rootDir>/support/global-teardown.ts',
      transform: tsJest('<rootDir>/tsconfig.json'),
      testTimeout: 60000,
    },
  ],
};
