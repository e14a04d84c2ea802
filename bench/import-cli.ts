import { runImportBenchmarks } from './import'

// `npm run bench:import`: the import benchmark alone, in headless Chromium (see bench/import.ts).
runImportBenchmarks().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
