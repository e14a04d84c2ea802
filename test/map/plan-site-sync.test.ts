import { describe, expect, it, vi } from 'vitest'
import type { Site } from '@/core/model'
import { syncSites } from '@/map/plan-site-sync'
import type { SiteLayer } from '@/map/site-layer'

const site = (id: string, status: Site['status'] = 'candidate'): Site => ({
  id, name: id, kind: 'merchant', geometry: { type: 'Point', coordinates: [116, 36] }, status, methods: [], operator: null, plannedDate: null, liveDate: null, units: 1,
})
const fakeLayer = () => ({ setSites: vi.fn(), updateSite: vi.fn(() => true) }) as unknown as SiteLayer & { setSites: ReturnType<typeof vi.fn>, updateSite: ReturnType<typeof vi.fn> }

describe('keeping the site layer in step with the plan', () => {
  it('updates only the sites an edit replaced', () => {
    const layer = fakeLayer()
    const before = [site('a'), site('b'), site('c')]
    const after = [before[0]!, site('b', 'live'), before[2]!]
    syncSites(layer, before, after)
    expect(layer.updateSite).toHaveBeenCalledExactlyOnceWith(1, after[1])
    expect(layer.setSites).not.toHaveBeenCalled()
  })

  it('reloads when sites were added, removed or reordered, or on the first load', () => {
    const before = [site('a'), site('b')]
    for (const [previous, next] of [[null, before], [before, [...before, site('c')]], [before, [before[1]!, before[0]!]]] as const) {
      const layer = fakeLayer()
      syncSites(layer, previous, next)
      expect(layer.setSites).toHaveBeenCalledExactlyOnceWith(next)
    }
  })
})
