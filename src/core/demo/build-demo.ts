import type { MultiPolygon, Polygon, Position } from 'geojson'
import type { Cluster, Region, Site } from '../model'
import { buildDemoClusters } from './demo-clusters'
import { DEMO_TOWN_PROFILES } from './demo-towns'
import { generateDemoSites, type DemoTown } from './generate-demo-sites'
import { buildTownCells, type TownSeat } from './town-cells'

/** An official town/street unit as listed in shared/geo/pingyin-towns.json. */
export interface OfficialTown {
  code12: string
  name: string
  village_level_units: number
}

export interface DemoInputs {
  countyCode: string
  countyName: string
  county: Polygon | MultiPolygon
  towns: OfficialTown[]
  seats: TownSeat[]
  seed: number
}

export interface DemoData {
  regions: Region[]
  sites: Site[]
  clusters: Cluster[]
}

/** The whole demo plan's geodata: county + approximate town cells, seeded sites, drawn clusters. */
export function buildDemo(inputs: DemoInputs): DemoData {
  const seats = inputs.towns.map((town) => {
    const seat = inputs.seats.find((s) => s.code === town.code12)
    if (!seat) throw new Error(`no seat point for ${town.name} (${town.code12})`)
    return seat
  })
  const cells = buildTownCells(inputs.county, seats)
  const regions: Region[] = [
    { code: inputs.countyCode, name: inputs.countyName, level: 'county', parentCode: null, geometry: inputs.county, approximate: false },
    ...inputs.towns.map((town, i): Region => ({
      code: town.code12, name: town.name, level: 'town', parentCode: inputs.countyCode, geometry: cells[i] ?? null, approximate: true,
    })),
  ]
  const demoTowns: DemoTown[] = inputs.towns.map((town, i) => {
    const profile = DEMO_TOWN_PROFILES.find((p) => p.code === town.code12)
    const seat = seats[i]
    const geometry = cells[i]
    if (!profile || !seat || !geometry) throw new Error(`no demo profile for ${town.name}`)
    return { code: town.code12, name: town.name, seat: [seat.lng, seat.lat], geometry, villages: town.village_level_units, profile }
  })
  const sites = generateDemoSites(demoTowns, inputs.county, inputs.seed)
  const clusters = buildDemoClusters(new Map(seats.map((s): [string, Position] => [s.code, [s.lng, s.lat]])))
  return { regions, sites, clusters }
}
