import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Region } from '@/core/model'
import { readSourceTable } from '@/io/import/adapters'
import { analyseBoundaries } from '@/io/import/analyse-boundaries'

/** Bytes of a fixture in test/fixtures/import. */
export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures/import', name)))

/** The fixtures' two towns (榆山街道 west of 116.45, 锦水街道 east of it) with their derived county. */
export async function fixtureTowns(): Promise<Region[]> {
  const table = await readSourceTable('towns.geojson', fixture('towns.geojson'))
  return analyseBoundaries(table, { codeField: '区划代码', nameField: '名称', crs: 'wgs84' }).regions
}

/** The register every site fixture carries, in WGS-84 (see scripts/build-import-fixtures.ts). */
export const REGISTER = [
  { id: 'm1', name: '榆山超市', kind: 'merchant', status: 'live', lng: 116.411111, lat: 36.261111, operator: 'icbc', liveDate: '2023-03-01' },
  { id: 'm2', name: '榆山餐馆', kind: 'merchant', status: 'retrofitting', lng: 116.422222, lat: 36.272222, operator: 'abc', liveDate: null },
  { id: 's1', name: '锦水小学', kind: 'school', status: 'live', lng: 116.461234, lat: 36.281234, operator: 'boc', liveDate: '2023-05-20' },
  { id: 'h1', name: '锦水卫生院', kind: 'hospital', status: 'candidate', lng: 116.473456, lat: 36.263456, operator: null, liveDate: null },
  { id: 'p1', name: '平阴邮政网点', kind: 'postal_outlet', status: 'contacted', lng: 116.432109, lat: 36.291098, operator: 'psbc', liveDate: null },
] as const
