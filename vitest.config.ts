import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    pool: 'forks',
    // Some unit tests spawn the CLI or build the demo: on a loaded 2-core machine they need more than 5 s.
    testTimeout: 30_000,
    // expect.poll waits for the UI; 1 s (the default) is too short on a loaded machine.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Builds the app once and serves it for every browser spec.
          globalSetup: ['test/e2e/support/global-setup.ts'],
          // Browser specs need the time, not the machine's speed; they run one file at a time on 2 cores.
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
