import gcoord from 'gcoord'

/** Coordinate systems found in Chinese data: WGS-84 (GPS), GCJ-02 (AMap/Gaode, Tencent), BD-09 (Baidu). */
export const CRS_LIST = ['wgs84', 'gcj02', 'bd09'] as const
export type Crs = (typeof CRS_LIST)[number]

const GCOORD_CRS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const

/** Converts one position to WGS-84, which is what the app stores. */
export function toWgs84(lng: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lng, lat]
  const [x, y] = gcoord.transform([lng, lat], GCOORD_CRS[crs], gcoord.WGS84) as [number, number]
  return [x, y]
}

export function isCrs(value: string): value is Crs {
  return (CRS_LIST as readonly string[]).includes(value)
}
