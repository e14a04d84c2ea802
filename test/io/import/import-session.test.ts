import { describe, expect, it } from 'vitest'
import { createImportSession } from '@/workers/import-session'
import { fixture, fixtureTowns } from './fixtures'

describe('the import worker session', () => {
  it('reads once, plans with progress, and hands back the rejected rows as CSV', async () => {
    const session = createImportSession()
    const summary = await session.read('broken-dms.csv', fixture('broken-dms.csv'), {})
    expect(summary).toMatchObject({ format: 'csv', rowCount: 2, mapping: { name: '名称', lng: '经度', lat: '纬度' } })
    const progress: number[][] = []
    const plan = await session.planSites({ mapping: summary.mapping, crs: 'wgs84', swap: false, idPrefix: 'x' }, { regions: await fixtureTowns(), sites: [] }, (done, total) => progress.push([done, total]))
    expect(plan.accepted).toBe(0)
    expect(progress).toEqual([[2, 2]])
    expect((await session.rejectedCsv()).split('\r\n')).toHaveLength(4)
  })

  it('keeps the sites and most rejected rows in the worker, handing the sites out in chunks', async () => {
    const session = createImportSession()
    const summary = await session.read('sites-utf8-bom.csv', fixture('sites-utf8-bom.csv'), {})
    const report = await session.planSites({ mapping: summary.mapping, crs: 'wgs84', swap: false, idPrefix: 'x' }, { regions: await fixtureTowns(), sites: [] })
    expect(report).toMatchObject({ accepted: 5, siteCount: 5, rejectedCount: 0, rejected: [] })
    expect(report).not.toHaveProperty('sites')
    expect((await session.sites(0, 2)).map((s) => s.id)).toEqual(['m1', 'm2'])
    expect((await session.sites(4, 2)).map((s) => s.id)).toEqual(['p1'])
  })

  it('refuses to plan before a file is read', async () => {
    await expect(createImportSession().planBoundaries({ crs: 'wgs84' })).rejects.toThrow('no file has been read')
  })
})
