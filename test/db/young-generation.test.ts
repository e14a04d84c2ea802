import v8 from 'node:v8'
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { createPlan, loadPlan } from '@/db/plan-repository'
import { decodeSites, encodeSites } from '@/db/site-columns'
import { SETTLE_MIN_SITES, settleYoungGeneration } from '@/db/young-generation'
import { makePlanData, makeSites, openTestDatabase } from './support'

// V8's own collector, reachable once the flag is set: a scavenge on demand tells what the young generation held.
v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void

const oldGenerationBytes = (): number => v8.getHeapSpaceStatistics()
  .filter((space) => space.space_name !== 'new_space' && space.space_name !== 'new_large_object_space')
  .reduce((total, space) => total + space.space_used_size, 0)

/** Megabytes of live objects still young: two scavenges promote every one of them to the old generation. */
function youngSurvivorsMB(): number {
  const before = oldGenerationBytes()
  gc({ type: 'minor' })
  gc({ type: 'minor' })
  return (oldGenerationBytes() - before) / 2 ** 20
}

describe('settling the young generation', () => {
  it('the measure sees sites decoded and left young', () => {
    const columns = encodeSites(makeSites(SETTLE_MIN_SITES))
    gc()
    const sites = decodeSites(columns)
    expect(youngSurvivorsMB()).toBeGreaterThan(1)
    expect(sites).toHaveLength(SETTLE_MIN_SITES)
  })

  it('leaves none of the decoded sites for a later scavenge to copy', () => {
    const columns = encodeSites(makeSites(SETTLE_MIN_SITES))
    gc()
    const sites = decodeSites(columns)
    settleYoungGeneration()
    expect(youngSurvivorsMB()).toBeLessThan(0.5)
    expect(sites).toHaveLength(SETTLE_MIN_SITES)
  })

  it('is done by the open of a city-sized plan', async () => {
    const db = openTestDatabase()
    await createPlan(db, makePlanData('city', SETTLE_MIN_SITES))
    gc()
    const data = await loadPlan(db, 'city')
    expect(youngSurvivorsMB()).toBeLessThan(0.5)
    expect(data!.sites).toHaveLength(SETTLE_MIN_SITES)
    db.close()
  })
})
