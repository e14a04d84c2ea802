import { ACCEPTANCE_METHODS, DEFAULT_CLUSTER_RULE, OPERATORS, SITE_STATUSES, type PlanData, type Site } from '@/core/model'

const SHOPS = ['早餐店', '手机店', '超市', '烧饼铺', '药房', '面馆', '五金店', '水果店', '理发店', '便利店']
const WORDS = ['新华', '鑫源', '金穗', '孙记', '老王', '泉城', '历下', '趵突', '大明湖', '千佛山', '舜耕', '华山']
const ROADS = ['经十路', '泉城路', '解放路', '历山路', '花园路', '二环东路', '工业南路', '舜华路']

/** A deterministic pseudo-random stream (the same plan on every run). */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/**
 * A Jinan-scale plan of `count` sites shaped like an import: merchants with names, addresses and dates, some
 * contacts and notes, a third with attributes kept from the spreadsheet, 1% bus lines of 20 vertices.
 */
export function makeBenchPlan(count: number): PlanData {
  const next = random(20230601)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const sites = Array.from({ length: count }, (_, i): Site => {
    const line = i % 100 === 99
    const status = pick(SITE_STATUSES)
    const site: Site = {
      id: `m-${String(i % 164).padStart(3, '0')}-${String(i).padStart(6, '0')}`,
      name: `${pick(WORDS)}${pick(SHOPS)}`,
      kind: line ? 'bus_line' : 'merchant',
      geometry: line
        ? { type: 'LineString', coordinates: Array.from({ length: 20 }, (_, v) => [116.8 + next() * 0.5 + v * 1e-3, 36.5 + next() * 0.3]) }
        : { type: 'Point', coordinates: [116.6 + next() * 0.9, 36.4 + next() * 0.5] },
      status,
      methods: status === 'live' ? [pick(ACCEPTANCE_METHODS)] : [],
      operator: status === 'candidate' ? null : pick(OPERATORS),
      plannedDate: next() < 0.7 ? `2023-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}` : null,
      liveDate: status === 'live' ? `2023-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-15` : null,
      units: line ? 40 : 1,
      address: `济南市${pick(ROADS)}${1 + Math.floor(next() * 999)}号`,
    }
    if (next() < 0.2) site.contact = `店主 139${String(Math.floor(next() * 1e8)).padStart(8, '0')}`
    if (next() < 0.05) site.notes = '已联系，下周上门安装'
    if (next() < 0.33) site.attributes = { 来源行: String(i + 2), 统一社会信用代码: `91370100MA${String(i).padStart(8, '0')}` }
    return site
  })
  // Through JSON, as a file import hands them over: flat strings, not the ropes template literals build here.
  const imported = JSON.parse(JSON.stringify(sites)) as Site[]
  const now = new Date().toISOString()
  return {
    plan: { id: 'jinan-bench', name: '济南市 2023（基准）', rootRegionCode: '370100000000', templateId: null, settings: { clusterRule: DEFAULT_CLUSTER_RULE }, isDemo: false, createdAt: now, updatedAt: now },
    regions: [{ code: '370100000000', name: '济南市', level: 'city', parentCode: null, geometry: null, approximate: false }],
    sites: imported, clusters: [], targets: [], indicators: [],
  }
}
