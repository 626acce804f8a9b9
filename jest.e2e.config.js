// Browser tests: Debian Chromium (playwright-core) against the H5 build served by the real platform.
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
  moduleNameMapper: { '^@domain/(.*)$': '<rootDir>/src/domain/$1', '^@mock/(.*)$': '<rootDir>/mock/$1' },
  globalSetup: '<rootDir>/tests/e2e/global-setup.js',
  globalTeardown: '<rootDir>/tests/e2e/global-teardown.js',
  testTimeout: 120000,
};
