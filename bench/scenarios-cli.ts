import { runScenarioBenchmarks } from './scenarios'

// `npx tsx bench/scenarios-cli.ts`: the scenario benchmarks alone (issue 8).
runScenarioBenchmarks().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
