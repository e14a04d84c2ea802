import type { Polygon } from 'geojson'

/** A consumption cluster (消费集聚区): a drawn or suggested polygon. */
export interface Cluster {
  id: string
  name: string
  geometry: Polygon
}

/** When a cluster counts as established: at least `minLiveMerchants` live and `minLiveShare` of those inside. */
export interface ClusterRule {
  minLiveMerchants: number
  /** 0–1 */
  minLiveShare: number
}

export const DEFAULT_CLUSTER_RULE: ClusterRule = { minLiveMerchants: 10, minLiveShare: 0.3 }
