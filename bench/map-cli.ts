import { runMapBenchmarks } from './map'

// `npm run bench:map`: the map benchmark alone (BENCH_MAP_SITES changes the number of sites).
runMapBenchmarks().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
