/**
 * Where the page's garbage collection fell (Node side): a Chrome trace of V8's GC events and the page's
 * performance marks, so the benchmark can say how much of a slow save was the collector, and how many megabytes
 * it copied — a figure that does not change with the load of the machine, unlike the milliseconds.
 */
import type { BrowserContext, Page } from 'playwright-core'

/** The garbage collection between two marks of the page. */
export interface GcShare {
  /** Time the page's main thread spent collecting (the union of V8's GC pauses and steps). */
  ms: number
  /** Young objects the scavenges copied or promoted to the old generation. */
  copiedMB: number
  /** Full (mark-compact) collections. */
  fullCollections: number
}

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { value?: string }
}

/** Runs `work` in the page while Chrome records V8's GC events and the page's performance marks. */
export async function traceGc<T>(context: BrowserContext, page: Page, work: () => Promise<T>): Promise<[T, TraceEvent[]]> {
  const cdp = await context.newCDPSession(page)
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value as unknown as TraceEvent[]))
  await cdp.send('Tracing.start', { categories: 'disabled-by-default-v8.gc,blink.user_timing', transferMode: 'ReportEvents' })
  try {
    return [await work(), events]
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
    await cdp.send('Tracing.end')
    await complete
    await cdp.detach()
  }
}

/** The GC on the page's main thread between the marks `start` and `end` (null when either mark is missing). */
export function gcBetween(events: readonly TraceEvent[], start: string, end: string): GcShare | null {
  const from = events.find((event) => event.name === start)
  const to = events.find((event) => event.name === end)
  if (!from || !to) return null
  const onMainThread = (event: TraceEvent): boolean => event.pid === from.pid && event.tid === from.tid && event.ts >= from.ts && event.ts <= to.ts
  // GC events nest (a scavenge and its phases): the union of their intervals counts each moment once.
  const pauses = events
    .filter((event) => event.ph === 'X' && event.name.startsWith('V8.GC') && onMainThread(event))
    .map((event): [number, number] => [event.ts, Math.min(event.ts + (event.dur ?? 0), to.ts)])
    .sort((a, b) => a[0] - b[0])
  let ms = 0
  let reached = -Infinity
  for (const [begin, finish] of pauses) {
    ms += Math.max(0, finish - Math.max(begin, reached)) / 1000
    reached = Math.max(reached, finish)
  }
  let copied = 0
  let fullCollections = 0
  for (const event of events) {
    if (event.name !== 'V8.GCTraceGCNVP' || !onMainThread(event) || !event.args?.value) continue
    const gc = JSON.parse(event.args.value) as { gc: string, promoted?: number, new_space_survived?: number }
    if (gc.gc === 's') copied += (gc.promoted ?? 0) + (gc.new_space_survived ?? 0)
    else if (gc.gc === 'mc') fullCollections++
  }
  return { ms, copiedMB: copied / 2 ** 20, fullCollections }
}
