import { booleanPointInPolygon } from '@turf/turf'
import type { LineString, MultiPolygon, Point, Polygon, Position } from 'geojson'
import type { AcceptanceMethod, Operator, Site, SiteKind, SiteStatus } from '../model'
import { DEMO_REPORT_DATE, type DemoTownProfile } from './demo-towns'
import { createRandom, type Random } from './random'
import { roundPosition } from './round'
import { addDays, merchantName, MERCHANT_STREETS, PLACE_NAMES } from './demo-names'

/** A town as the generator sees it: its seat, approximate polygon and profile. */
export interface DemoTown {
  code: string
  name: string
  seat: Position
  geometry: Polygon | MultiPolygon
  villages: number
  profile: DemoTownProfile
}

interface Context {
  random: Random
  sites: Site[]
  county: Polygon | MultiPolygon
}

const KM_LAT = 1 / 111.2
const KM_LNG = 1 / 89.7 // at Pingyin's latitude (~36.2°N)

/**
 * The demo's sites, from a seed: the same seed gives the same sites, in the same order, on every machine.
 * Merchants cluster around each town seat and thin out across its villages; public scenarios follow the
 * seed plans' list (schools, hospitals, bus lines, post offices, parking, venues, tax halls, payroll, utilities).
 */
export function generateDemoSites(towns: DemoTown[], county: Polygon | MultiPolygon, seed: number): Site[] {
  const context: Context = { random: createRandom(seed), sites: [], county }
  for (const town of towns) {
    addMerchants(context, town)
    addPublicSites(context, town)
  }
  addCountySites(context, towns)
  addBusLines(context, towns)
  return context.sites
}

function addMerchants(context: Context, town: DemoTown): void {
  const { random } = context
  const villages = Array.from({ length: town.villages }, () => samplePoint(context, town, () => uniformIn(random, town.geometry)))
  const nearSeatShare = town.profile.urban ? 0.78 : 0.5
  const seatSpreadKm = town.profile.urban ? 0.9 : 0.45
  for (let i = 0; i < town.profile.merchants; i++) {
    const nearSeat = random.chance(nearSeatShare)
    const center = nearSeat ? town.seat : random.pick(villages)
    const spread = nearSeat ? seatSpreadKm : 0.18
    const position = samplePoint(context, town, () => jitter(random, center, spread))
    const street = random.pick(MERCHANT_STREETS)
    addSite(context, town, position, 'merchant', merchantName(random), town.profile.merchantLiveShare, {
      address: `平阴县${town.name}${nearSeat ? street : '村'}${random.int(1, 299)}号`,
    })
  }
}

function addPublicSites(context: Context, town: DemoTown): void {
  const { random } = context
  const near = (spreadKm: number): Position => samplePoint(context, town, () => jitter(random, town.seat, spreadKm))
  const short = town.name.replace(/(街道|镇)$/, '')
  const schoolTypes = ['小学', '中学', '幼儿园', '小学', '幼儿园'] as const
  for (let i = 0; i < town.profile.schools; i++) {
    addSite(context, town, near(2.5), 'school', `${short}${i < 3 ? '' : `第${i - 1}`}${schoolTypes[i % schoolTypes.length]}`, 0.38)
  }
  if (!town.profile.urban) addSite(context, town, near(0.3), 'hospital', `${short}镇卫生院`, 0.6)
  for (let i = 0; i < town.profile.clinics; i++) {
    addSite(context, town, near(3), 'hospital', `${short}${random.pick(PLACE_NAMES)}村卫生室`, 0.3)
  }
  for (let i = 0; i < town.profile.postalOutlets; i++) {
    addSite(context, town, near(1.2), 'postal_outlet', `平阴县邮政${short}${i === 0 ? '' : random.pick(PLACE_NAMES)}支局`, 0.55)
  }
  for (let i = 0; i < town.profile.parking; i++) {
    addSite(context, town, near(0.8), 'parking', `${short}${random.pick(MERCHANT_STREETS)}停车场`, 0.35, { units: random.int(30, 200) })
  }
}

/** County-level units: in the county seat (榆山/锦水) unless named for a town. */
function addCountySites(context: Context, towns: DemoTown[]): void {
  const { random } = context
  const byCode = (code: string): DemoTown => {
    const town = towns.find((t) => t.code === code)
    if (!town) throw new Error(`demo town ${code} missing`)
    return town
  }
  const seat = (code: string, spreadKm: number): [DemoTown, Position] => {
    const town = byCode(code)
    return [town, samplePoint(context, town, () => jitter(random, town.seat, spreadKm))]
  }
  for (const [name, code] of COUNTY_HOSPITALS) addSite(context, ...seat(code, 0.8), 'hospital', name, 0.7)
  for (const [name, code] of VENUES) addSite(context, ...seat(code, 1), 'venue', name, 0.4)
  for (const [name, code] of TAX_HALLS) addSite(context, ...seat(code, 0.4), 'tax_hall', name, 1)
  for (const [name, code] of UTILITY_POINTS) addSite(context, ...seat(code, 0.8), 'utility_point', name, 0.6)
  for (const [name, code] of PAYROLL_UNITS) {
    addSite(context, ...seat(code, 0.7), 'payroll_unit', name, 0.3, { units: random.int(25, 320) })
  }
}

/** Bus lines between the county seat and each town, plus two urban lines; units are vehicles. */
function addBusLines(context: Context, towns: DemoTown[]): void {
  const { random } = context
  const [hub, second] = towns
  if (!hub || !second) return
  const routes: Array<[DemoTown, DemoTown, string]> = [
    [hub, second, '平阴1路'],
    [second, hub, '平阴2路'],
    ...towns.slice(2).map((town, i): [DemoTown, DemoTown, string] => [hub, town, `K${201 + i} 平阴—${town.name.replace(/镇$/, '')}`]),
  ]
  const rural = towns.slice(2)
  for (let i = 0; i + 1 < rural.length && routes.length < 12; i += 1) {
    const [from, to] = [rural[i], rural[i + 1]]
    if (from && to) routes.push([from, to, `K${301 + i} ${from.name.replace(/镇$/, '')}—${to.name.replace(/镇$/, '')}`])
  }
  for (const [from, to, name] of routes) {
    const line = routeBetween(context, from.seat, to.seat, from === hub && to === second)
    addSite(context, from, line, 'bus_line', name, 0.45, { units: random.int(4, 14) })
  }
}

/** A plausible road: the straight line bent through a few jittered waypoints that stay inside the county. */
function routeBetween(context: Context, from: Position, to: Position, urbanLoop: boolean): Position[] {
  const { random } = context
  const [x0 = 0, y0 = 0] = from
  const [x1 = 0, y1 = 0] = to
  const steps = urbanLoop ? 6 : 5
  const path: Position[] = [roundPosition(from)]
  for (let i = 1; i < steps; i++) {
    const t = i / steps
    const bend = urbanLoop ? Math.sin(t * Math.PI) * 0.012 : 0
    const candidate = (): Position => [x0 + (x1 - x0) * t + random.normal() * 0.004 + bend, y0 + (y1 - y0) * t + random.normal() * 0.004 - bend]
    let position = candidate()
    for (let tries = 0; tries < 50 && !booleanPointInPolygon(position, context.county); tries++) position = candidate()
    path.push(roundPosition(position))
  }
  path.push(roundPosition(to))
  return path
}

type Extra = Pick<Partial<Site>, 'units' | 'address'>

function addSite(context: Context, town: DemoTown, where: Position | Position[], kind: SiteKind, name: string, liveShare: number, extra: Extra = {}): void {
  const { random, sites } = context
  const status = drawStatus(random, liveShare)
  const liveDate = status === 'live' ? goLiveDate(random) : null
  const geometry: Point | LineString = typeof where[0] === 'number'
    ? { type: 'Point', coordinates: where as Position }
    : { type: 'LineString', coordinates: where as Position[] }
  const site: Site = {
    id: `${KIND_PREFIX[kind]}-${town.code.slice(6, 9)}-${String(sites.length + 1).padStart(5, '0')}`,
    name,
    kind,
    geometry,
    status,
    methods: status === 'live' || status === 'retrofitting' ? drawMethods(random, kind) : [],
    operator: status === 'candidate' ? null : drawOperator(random),
    plannedDate: plannedDate(random, status, liveDate),
    liveDate,
    units: extra.units ?? 1,
  }
  if (extra.address) site.address = extra.address
  sites.push(site)
}

function drawStatus(random: Random, liveShare: number): SiteStatus {
  const r = random.next()
  if (r < liveShare) return 'live'
  const rest = (r - liveShare) / (1 - liveShare)
  if (rest < 0.03) return 'suspended'
  if (rest < 0.2) return 'retrofitting'
  if (rest < 0.45) return 'contacted'
  return 'candidate'
}

/** Go-live dates run from January to the report date, thicker towards the end as the rollout gathers pace. */
function goLiveDate(random: Random): string {
  const days = 303 // 2023-01-01 … 2023-10-31
  return addDays('2023-01-01', Math.floor(Math.sqrt(random.next()) * days))
}

function plannedDate(random: Random, status: SiteStatus, liveDate: string | null): string | null {
  if (liveDate) return addDays(liveDate, -random.int(0, 30))
  if (status === 'retrofitting') return addDays(DEMO_REPORT_DATE, random.int(1, 61))
  if (status === 'contacted') return random.chance(0.7) ? addDays(DEMO_REPORT_DATE, random.int(15, 150)) : null
  return null
}

function drawMethods(random: Random, kind: SiteKind): AcceptanceMethod[] {
  if (kind === 'bus_line') return ['nfc', 'dual_offline']
  if (kind === 'payroll_unit') return ['online']
  const methods: AcceptanceMethod[] = ['static_qr']
  if (random.chance(0.3)) methods.push('pos')
  if (random.chance(0.2)) methods.push('nfc')
  return methods
}

const OPERATOR_WEIGHTS: ReadonlyArray<[Operator, number]> = [
  ['abc', 0.2], ['ccb', 0.2], ['icbc', 0.18], ['psbc', 0.15], ['boc', 0.12], ['bocom', 0.05], ['cmb', 0.03], ['mybank', 0.03], ['cib', 0.02], ['webank', 0.02],
]

function drawOperator(random: Random): Operator {
  let r = random.next()
  for (const [operator, weight] of OPERATOR_WEIGHTS) {
    r -= weight
    if (r < 0) return operator
  }
  return 'abc'
}

const KIND_PREFIX: Record<SiteKind, string> = {
  merchant: 'm', school: 'sch', hospital: 'hos', bus_line: 'bus', postal_outlet: 'post', utility_point: 'util', parking: 'park',
  venue: 'ven', tax_hall: 'tax', payroll_unit: 'pay', union: 'uni', community: 'com', charity: 'cha', other: 'oth',
}

function jitter(random: Random, [lng = 0, lat = 0]: Position, spreadKm: number): Position {
  return [lng + random.normal() * spreadKm * KM_LNG, lat + random.normal() * spreadKm * KM_LAT]
}

function uniformIn(random: Random, geometry: Polygon | MultiPolygon): Position {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat()
  const xs = rings.flat().map((p) => p[0] ?? 0)
  const ys = rings.flat().map((p) => p[1] ?? 0)
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  return [minX + random.next() * (maxX - minX), minY + random.next() * (maxY - minY)]
}

/** Draw until the point falls inside the town (and so inside the county); rounded as stored. */
function samplePoint(context: Context, town: DemoTown, draw: () => Position): Position {
  for (let tries = 0; tries < 1000; tries++) {
    const position = roundPosition(draw())
    if (booleanPointInPolygon(position, town.geometry)) return position
  }
  throw new Error(`could not place a point in ${town.name}`)
}

const COUNTY_HOSPITALS: ReadonlyArray<[string, string]> = [
  ['平阴县人民医院', '370124001000'], ['平阴县中医医院', '370124001000'], ['平阴县妇幼保健院', '370124002000'],
  ['平阴县第二人民医院', '370124102000'], ['平阴县精神卫生中心', '370124002000'],
]
const VENUES: ReadonlyArray<[string, string]> = [
  ['平阴县体育中心', '370124002000'], ['平阴县文化馆', '370124001000'], ['平阴县图书馆', '370124001000'],
  ['平阴县博物馆', '370124001000'], ['翠屏山景区游客中心', '370124001000'], ['东阿古镇游客中心', '370124102000'],
  ['玫瑰湖湿地公园', '370124106000'], ['中国玫瑰文化馆', '370124106000'], ['洪范池景区', '370124105000'],
  ['锦水全民健身广场', '370124002000'],
]
const TAX_HALLS: ReadonlyArray<[string, string]> = [
  ['国家税务总局平阴县税务局办税服务厅', '370124001000'], ['平阴县税务局东阿税务分局办税服务厅', '370124102000'],
]
const UTILITY_POINTS: ReadonlyArray<[string, string]> = [
  ['国网平阴县供电公司营业厅', '370124001000'], ['平阴县自来水公司营业厅', '370124001000'], ['平阴县燃气公司营业厅', '370124002000'],
  ['孔村供电所', '370124104000'], ['孝直供电所', '370124103000'], ['东阿供电所', '370124102000'],
]
const PAYROLL_UNITS: ReadonlyArray<[string, string]> = [
  '平阴县财政局', '平阴县教育和体育局', '平阴县卫生健康局', '平阴县人力资源和社会保障局', '平阴县民政局', '平阴县农业农村局',
  '平阴县住房和城乡建设局', '平阴县交通运输局', '平阴县市场监督管理局', '平阴县自然资源局', '平阴县文化和旅游局',
  '平阴县商务局', '平阴县公安局', '平阴县人民法院', '平阴县人民检察院', '平阴县融媒体中心', '平阴县供销合作社',
  '平阴县城市管理局', '平阴县水务局', '平阴县医疗保障局',
].map((name, i): [string, string] => [name, i % 3 === 2 ? '370124002000' : '370124001000'])
