import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts'],
    // Browser specs build the app once and drive headless Chromium; they need the time, not the machine's speed.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: true,
    pool: 'forks',
  },
})
