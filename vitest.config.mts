import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'lib/**/*.test.ts'],
    // The Wine lane runs its own runner (test/windows); vitest covers every OS-independent lane.
    exclude: ['test/windows/**', 'node_modules/**', 'dist/**'],
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
  },
});
