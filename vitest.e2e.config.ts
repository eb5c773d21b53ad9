import { defineConfig } from 'vitest/config';

/**
 * `npm run test:e2e`: the browser test against the Microsoft 365 Agents Playground (needs Debian
 * Chromium: `npm run setup:browser`). Kept out of `npm test`: the test skips itself unless
 * PLAYGROUND_E2E=1, which only this config sets.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    env: { PLAYGROUND_E2E: '1' },
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['tests/support/scratch-tmpdir.ts'],
    fileParallelism: false,
  },
});
