import { describe, expect, it } from 'vitest'
import { CACHE_MARGIN, cacheMatrix, cacheServes, planCache } from '@/map/site-layer/site-cache'

const view = { minX: -1e-4, minY: -5e-5, maxX: 1e-4, maxY: 5e-5 }
const pxPerUnit = 1280 / 2e-4

describe('site cache texture', () => {
  it('covers the view and a margin each side, in whole device pixels', () => {
    const plan = planCache(view, pxPerUnit, 8192)!
    // Rounded up to whole pixels (floating point may add one).
    expect(plan.widthPx - 1280 * (1 + 2 * CACHE_MARGIN)).toBeGreaterThanOrEqual(0)
    expect(plan.widthPx - 1280 * (1 + 2 * CACHE_MARGIN)).toBeLessThanOrEqual(1)
    expect((plan.box.maxX - plan.box.minX) * pxPerUnit).toBeCloseTo(plan.widthPx, 6)
    expect(plan.box.minX).toBeLessThan(view.minX)
    expect(plan.box.maxY).toBeGreaterThan(view.maxY)
  })

  it('is not planned beyond the largest texture', () => {
    expect(planCache(view, pxPerUnit, 1024)).toBeNull()
  })

  it('serves a panned view inside it, and no view once zoom, pixel ratio or data differ', () => {
    const plan = planCache(view, pxPerUnit, 8192)!
    const key = { zoom: 13, pixelRatio: 1, dataVersion: 4 }
    const panned = { ...view, minX: view.minX + 2e-5, maxX: view.maxX + 2e-5 }
    expect(cacheServes(plan, key, panned, key)).toBe(true)
    expect(cacheServes(plan, key, { ...view, minX: view.minX + 1e-4, maxX: view.maxX + 1e-4 }, key)).toBe(false)
    expect(cacheServes(plan, key, view, { ...key, zoom: 13.01 })).toBe(false)
    expect(cacheServes(plan, key, view, { ...key, dataVersion: 5 })).toBe(false)
    expect(cacheServes(null, null, view, key)).toBe(false)
  })

  it('maps the box to clip space with the north edge at the top', () => {
    const box = { minX: 0.001, minY: 0.002, maxX: 0.003, maxY: 0.006 }
    const m = cacheMatrix(box)
    const clip = (x: number, y: number) => [m[0]! * x + m[12]!, m[5]! * y + m[13]!]
    expect(clip(box.minX, box.minY).map((v) => Math.round(v * 1e4) / 1e4)).toEqual([-1, 1])
    expect(clip(box.maxX, box.maxY).map((v) => Math.round(v * 1e4) / 1e4)).toEqual([1, -1])
  })
})
