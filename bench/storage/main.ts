import Dexie from 'dexie'
import type { PlanData, Site } from '@/core/model'
import { PlannerDatabase } from '@/db/database'
import { createPlan, loadPlan } from '@/db/plan-repository'
import { commitChange, compactSites, undo } from '@/db/plan-store'
import { siteChunkRows } from '@/db/site-chunks'
import { decodeSites } from '@/db/site-columns'
import { storageEstimate } from '@/db/storage-quota'
import { editMark, OPEN_MARKS, type OpenResult, type StorageResult, type StoreResult } from './bench-api'
import { makeBenchPlan } from './make-sites'

const DB_NAME = 'storage-bench'
const EDITS = 21

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const result = await work()
  return [result, performance.now() - start]
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** The naive way: Dexie, one row per site, on the first `count` sites. */
async function measureNaive(data: PlanData, count: number): Promise<StorageResult['naive']> {
  const open = (): Dexie => {
    const db = new Dexie('storage-bench-naive')
    db.version(1).stores({ sites: '[planId+id], planId, kind, status' })
    return db
  }
  const planId = data.plan.id
  const rows = data.sites.slice(0, count).map((site) => ({ ...site, planId }))
  let db = open()
  await db.open()
  const [, bulkPutMs] = await timed(() => db.table('sites').bulkPut(rows))
  db.close()
  db = open()
  const [read, toArrayMs] = await timed(() => db.table('sites').where('planId').equals(planId).toArray())
  if (read.length !== count) throw new Error(`naive read ${read.length} of ${count} rows`)
  const puts: number[] = []
  for (let i = 0; i < EDITS; i++) puts.push((await timed(() => db.table('sites').put({ ...rows[(i * 997) % rows.length]!, status: 'live' })))[1])
  db.close()
  await Dexie.delete('storage-bench-naive')
  return { bulkPutMs, toArrayMs, putOneMs: median(puts) }
}

/** Checks the loaded plan against what was stored, on a sample (comparing 500,000 sites would dominate). */
function check(loaded: PlanData | null, data: PlanData, what: string): void {
  if (!loaded || loaded.sites.length !== data.sites.length) throw new Error(`${what}: ${loaded?.sites.length} sites, expected ${data.sites.length}`)
  for (const index of [0, 99, 12_345, Math.floor(data.sites.length / 2), data.sites.length - 1]) {
    if (JSON.stringify(loaded.sites[index]) !== JSON.stringify(data.sites[index])) throw new Error(`${what}: site ${index} differs`)
  }
}

/** The bench's edits: a spread of sites set live, applied to `data` in place. */
function editSites(data: PlanData): Array<[number, Site]> {
  return Array.from({ length: EDITS }, (_, i) => {
    const index = Math.floor(((i * 7919) % 1000) / 1000 * data.sites.length)
    const site: Site = { ...data.sites[index]!, status: 'live', liveDate: '2023-10-01', methods: ['static_qr'] }
    data.sites[index] = site
    return [index, site]
  })
}

async function measureEdits(db: PlannerDatabase, edits: Array<[number, Site]>): Promise<number[]> {
  const times: number[] = []
  for (const [i, [, site]] of edits.entries()) {
    // The driver's trace tells from these marks how much of each save was garbage collection.
    performance.mark(editMark(i, 'start'))
    times.push((await timed(() => commitChange(db, 'jinan-bench', { type: 'sites.put', sites: [site] }, { label: `edit ${i}` })))[1])
    performance.mark(editMark(i, 'end'))
  }
  return times
}

/** The CPU part alone: encoding every site into chunks' columns and decoding them again, no IndexedDB. */
function measureColumns(data: PlanData): { encodeMs: number, decodeMs: number } {
  let start = performance.now()
  const chunks = siteChunkRows(data.plan.id, data.sites)
  const encodeMs = performance.now() - start
  start = performance.now()
  const count = chunks.reduce((n, chunk) => n + decodeSites(chunk.columns).length, 0)
  if (count !== data.sites.length) throw new Error('decode lost sites')
  return { encodeMs, decodeMs: performance.now() - start }
}

/** First page: the naive baseline, the CPU part, and storing the plan. */
async function store(siteCount: number, baselineCount: number): Promise<StoreResult> {
  await Dexie.delete(DB_NAME)
  const data = makeBenchPlan(siteCount)
  const naive = await measureNaive(data, baselineCount)
  const columns = measureColumns(data)
  const db = new PlannerDatabase(DB_NAME)
  await db.open()
  const [, storeMs] = await timed(() => createPlan(db, data))
  db.close()
  const { usedBytes } = await storageEstimate()
  return { siteCount, baselineCount, userAgent: navigator.userAgent, naive, ...columns, storeMs, usedBytes }
}

/**
 * Second page, as the app starts: nothing in memory but what opening the plan builds. Opens, edits, opens
 * again with the edits, undoes and compacts; the stored plan is checked against a regenerated one afterwards.
 */
async function open(siteCount: number): Promise<OpenResult> {
  let db = new PlannerDatabase(DB_NAME)
  performance.mark(OPEN_MARKS.start)
  const [loaded, openMs] = await timed(() => loadPlan(db, 'jinan-bench'))
  performance.mark(OPEN_MARKS.end)
  const edits = editSites(loaded!)
  const times = await measureEdits(db, edits)
  db.close()
  db = new PlannerDatabase(DB_NAME)
  const [withEdits, openWithEditsMs] = await timed(() => loadPlan(db, 'jinan-bench'))
  // Right after the open, as a user would undo: not after the checks below, whose garbage it would collect.
  const [, undoMs] = await timed(() => undo(db, 'jinan-bench'))
  // The IndexedDB part of an open: the chunk rows alone, read and deserialised, nothing decoded.
  const [, readChunksMs] = await timed(() => db.siteChunks.where('planId').equals('jinan-bench').toArray())
  const expected = makeBenchPlan(siteCount)
  for (const [index, site] of edits) expected.sites[index] = site
  check(loaded, expected, 'open')
  check(withEdits, expected, 'open with edits')
  const [, compactMs] = await timed(() => compactSites(db, 'jinan-bench'))
  db.close()
  await Dexie.delete(DB_NAME)
  const rest = times.slice(1)
  return { openMs, readChunksMs, firstEditMs: times[0]!, editTimes: times, editMedianMs: median(rest), editMaxMs: Math.max(...rest), edits: rest.length, openWithEditsMs, undoMs, compactMs }
}

window.storageBench = { store, open }
