import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PlanBackup } from '@/core/model'
import { BundleError } from '@/io/bundle/bundle-error'
import { BUNDLE_VERSION, bundleFileName, exportBundle, parseBundle, type PlanBundleV1 } from '@/io/bundle/plan-bundle'
import { makePlanData, makeSites } from '../../db/support'

const fixtureText = readFileSync(resolve(import.meta.dirname, '../../fixtures/bundle/v1-bundle.json'), 'utf8')

/** A backup with every kind of record, a history entry and a photo. */
function makeBackup(siteCount = 25): PlanBackup {
  const data = makePlanData('plan-a', siteCount)
  const edited = { ...data.sites[1]!, status: 'live' as const }
  return {
    ...data,
    history: [{
      id: 'c-1', planId: 'plan-a', seq: 1, at: '2024-03-01T10:00:00.000Z', user: '王芳', label: 'Status → live',
      after: [{ type: 'sites.put', sites: [edited] }], before: [{ type: 'sites.put', sites: [data.sites[1]!] }],
    }],
    photos: [{ id: 'p-1', siteId: data.sites[1]!.id, mimeType: 'image/jpeg', takenAt: '2024-03-01T10:01:00.000Z', data: new Blob([new Uint8Array([255, 216, 0, 7, 200])], { type: 'image/jpeg' }) }],
  }
}

async function photoBytes(backup: PlanBackup): Promise<number[][]> {
  return Promise.all(backup.photos.map(async (photo) => [...new Uint8Array(await photo.data.arrayBuffer())]))
}

describe('plan bundle', () => {
  it.each([false, true])('round-trips every record, the history and the photos (compressed: %s)', async (compress) => {
    const backup = makeBackup(23_000)
    const file = await exportBundle(backup, { compress })
    const { backup: read, version } = await parseBundle(file)
    expect(version).toBe(BUNDLE_VERSION)
    for (const key of ['plan', 'regions', 'sites', 'clusters', 'targets', 'indicators', 'history'] as const) expect(read[key]).toEqual(backup[key])
    expect(read.photos.map(({ data: _data, ...photo }) => photo)).toEqual(backup.photos.map(({ data: _data, ...photo }) => photo))
    expect(await photoBytes(read)).toEqual(await photoBytes(backup))
    expect(read.photos[0]!.data.type).toBe('image/jpeg')
  }, 30_000)

  it('compresses when asked, and reads either form without being told', async () => {
    const backup = makeBackup(2_000)
    const [plain, packed] = [await exportBundle(backup), await exportBundle(backup, { compress: true })]
    expect(packed.size).toBeLessThan(plain.size / 4)
    expect(new Uint8Array(await packed.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x1f, 0x8b]))
    expect((await parseBundle(await packed.arrayBuffer())).backup.sites).toEqual(backup.sites)
    expect((await parseBundle(await plain.text())).backup.sites).toEqual(backup.sites)
  })

  it('upgrades a format 1 bundle (the kept fixture): same data, empty history and photos', async () => {
    const v1 = JSON.parse(fixtureText) as PlanBundleV1
    const { backup, version } = await parseBundle(fixtureText)
    expect(version).toBe(1)
    expect(backup).toEqual({ ...v1.data, history: [], photos: [] })
    expect(backup.sites).toHaveLength(6)
  })

  it('refuses a bundle from a newer format, saying to update the app', async () => {
    const newer = JSON.stringify({ ...JSON.parse(fixtureText), version: BUNDLE_VERSION + 1 })
    const error = await parseBundle(newer).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BundleError)
    expect(error).toMatchObject({ problem: 'newer-version' })
    expect((error as Error).message).toMatch(/newer version of the planner.*format 3.*Update the app/)
  })

  it.each([
    ['not JSON', 'hello', 'not-a-bundle'],
    ['another JSON file', '{"type":"FeatureCollection","features":[]}', 'not-a-bundle'],
    ['a bundle without sites', JSON.stringify({ format: 'ecny-plan-bundle', version: 2, plan: { id: 'x', name: 'x' }, regions: [] }), 'invalid'],
    ['a bundle with a site without id', JSON.stringify({ format: 'ecny-plan-bundle', version: 2, plan: { id: 'x', name: 'x' }, regions: [], sites: [{ name: 'x' }], clusters: [], targets: [], indicators: [], history: [], photos: [] }), 'invalid'],
    ['a cut gzip file', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]), 'invalid'],
  ])('refuses %s with a clear reason', async (_what, input, problem) => {
    await expect(parseBundle(input)).rejects.toMatchObject({ name: 'BundleError', problem })
  })

  it('names the file after the plan, safely', () => {
    expect(bundleFileName({ ...makePlanData().plan, name: '平阴/锦水: 方案?' }, true)).toMatch(/^平阴_锦水_ 方案_-\d{4}-\d{2}-\d{2}\.ecny-plan\.json\.gz$/)
  })

  it('keeps sites that only a raw copy can hold', async () => {
    const odd = { ...makeSites(1)[0]!, id: 'odd', extra: { nested: [1, 2] } }
    const backup = { ...makeBackup(3), sites: [odd] }
    expect((await parseBundle(await exportBundle(backup))).backup.sites).toEqual([odd])
  })
})
