import { existsSync, readdirSync, readFileSync } from 'node:fs'

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on Linux). */
const TICKS_PER_SECOND = 100

function readStat(pid: string): { parent: number, ticks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces) start with state, ppid, …; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }
  } catch {
    return null
  }
}

function commandLine(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
  } catch {
    return ''
  }
}

/**
 * CPU time used so far by a browser and all its child processes (GPU process with SwiftShader's threads, renderer),
 * found by a tag in the browser's command line. Unlike wall time it hardly moves with the other work on a shared
 * machine. Null where there is no /proc.
 */
export function browserCpuMs(tag: string): number | null {
  if (!existsSync('/proc/self/stat')) return null
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name))
  const root = pids.find((pid) => commandLine(pid).includes(tag) && !commandLine(pid).includes('--type='))
  if (!root) return null
  const stats = new Map(pids.flatMap((pid) => {
    const stat = readStat(pid)
    return stat ? [[Number(pid), stat] as const] : []
  }))
  let ticks = 0
  for (const [pid, stat] of stats) {
    let ancestor: number | undefined = pid
    while (ancestor !== undefined && ancestor > 1 && ancestor !== Number(root)) ancestor = stats.get(ancestor)?.parent
    if (ancestor === Number(root)) ticks += stat.ticks
  }
  return (ticks * 1000) / TICKS_PER_SECOND
}
