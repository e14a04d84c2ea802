import type { TestProject } from 'vitest/node'
import { startAppServer } from './app-server'

declare module 'vitest' {
  export interface ProvidedContext {
    appOrigin: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startAppServer(Number(process.env.E2E_PORT ?? 4179))
  project.provide('appOrigin', server.origin)
  return () => server.stop()
}
