import { circle } from '@turf/turf'
import type { Polygon, Position } from 'geojson'
import type { Cluster } from '../model'
import { roundPosition } from './round'

interface ClusterSpec {
  id: string
  name: string
  townCode: string
  /** Offset of the centre from the town seat, in degrees. */
  offset: [number, number]
  radiusKm: number
}

const CLUSTER_SPECS: readonly ClusterSpec[] = [
  { id: 'cluster-yushan', name: '榆山路商圈', townCode: '370124001000', offset: [0.002, 0.001], radiusKm: 0.7 },
  { id: 'cluster-jinshui', name: '锦水商业街', townCode: '370124002000', offset: [-0.001, 0.0015], radiusKm: 0.55 },
  { id: 'cluster-donge', name: '东阿古镇消费区', townCode: '370124102000', offset: [0, 0], radiusKm: 0.45 },
  { id: 'cluster-meigui', name: '玫瑰小镇集市', townCode: '370124106000', offset: [0.001, -0.001], radiusKm: 0.4 },
]

/** The demo's drawn consumption clusters (消费集聚区): rounded polygons around busy town centres. */
export function buildDemoClusters(seats: ReadonlyMap<string, Position>): Cluster[] {
  return CLUSTER_SPECS.map((spec) => {
    const seat = seats.get(spec.townCode)
    if (!seat) throw new Error(`no seat for cluster ${spec.name}`)
    const center = [(seat[0] ?? 0) + spec.offset[0], (seat[1] ?? 0) + spec.offset[1]]
    const ring = circle(center, spec.radiusKm, { units: 'kilometers', steps: 20 }).geometry.coordinates[0] ?? []
    const geometry: Polygon = { type: 'Polygon', coordinates: [ring.map(roundPosition)] }
    return { id: spec.id, name: spec.name, geometry }
  })
}
