import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../../..')

export interface AppServer {
  origin: string
  stop(): Promise<void>
}

/**
 * Builds the app (unless E2E_SKIP_BUILD is set) and serves the build with `vite preview` on a free port, so
 * browser specs run against what users get.
 */
export async function startAppServer(port: number): Promise<AppServer> {
  if (!process.env.E2E_SKIP_BUILD) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' })
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`)
  }
  const child = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: 'pipe', detached: true })
  const origin = `http://127.0.0.1:${port}`
  await waitForServer(origin, child)
  return { origin, stop: () => stopProcess(child) }
}

async function waitForServer(origin: string, child: ChildProcess): Promise<void> {
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString() })
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited:\n${output}`)
    try {
      if ((await fetch(origin)).ok) return
    } catch { /* not listening yet */ }
    await new Promise((done) => setTimeout(done, 200))
  }
  throw new Error(`vite preview did not start on ${origin}:\n${output}`)
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise((done) => child.once('exit', done))
  process.kill(-child.pid, 'SIGTERM')
  await exited
}
