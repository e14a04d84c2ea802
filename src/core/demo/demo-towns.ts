/**
 * How the demo populates each Pingyin town/street: the two streets form the county seat (dense, urban), the six
 * towns are rural with a market town at the seat. `merchantLiveShare` is the share the generator aims at, chosen so
 * some towns meet the 30% year-end target and some do not.
 */
export interface DemoTownProfile {
  code: string
  urban: boolean
  merchants: number
  merchantLiveShare: number
  schools: number
  clinics: number
  postalOutlets: number
  parking: number
}

export const DEMO_TOWN_PROFILES: readonly DemoTownProfile[] = [
  { code: '370124001000', urban: true, merchants: 720, merchantLiveShare: 0.42, schools: 12, clinics: 3, postalOutlets: 3, parking: 9 },
  { code: '370124002000', urban: true, merchants: 480, merchantLiveShare: 0.35, schools: 9, clinics: 3, postalOutlets: 2, parking: 5 },
  { code: '370124102000', urban: false, merchants: 330, merchantLiveShare: 0.31, schools: 7, clinics: 4, postalOutlets: 2, parking: 2 },
  { code: '370124103000', urban: false, merchants: 260, merchantLiveShare: 0.2, schools: 6, clinics: 4, postalOutlets: 2, parking: 1 },
  { code: '370124104000', urban: false, merchants: 300, merchantLiveShare: 0.26, schools: 6, clinics: 4, postalOutlets: 2, parking: 1 },
  { code: '370124105000', urban: false, merchants: 230, merchantLiveShare: 0.16, schools: 5, clinics: 4, postalOutlets: 1, parking: 0 },
  { code: '370124106000', urban: false, merchants: 340, merchantLiveShare: 0.34, schools: 7, clinics: 4, postalOutlets: 2, parking: 2 },
  { code: '370124107000', urban: false, merchants: 280, merchantLiveShare: 0.24, schools: 6, clinics: 4, postalOutlets: 1, parking: 0 },
]

/** The date the demo is "reported" on: go-live dates run up to it, planned dates run past it. */
export const DEMO_REPORT_DATE = '2023-10-31'
export const DEMO_SEED = 20230301
