/** npm run bench:import — the import benchmarks in Node (see bench/import.ts). */
import { runImportBenchmarks } from './import'

await runImportBenchmarks()
