const MS_PER_DAY = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days since 1970-01-01 for an ISO date (YYYY-MM-DD); integers sort and subtract where strings cannot. */
export function toDay(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate.slice(0, 10))
  if (!match) throw new Error(`not an ISO date: ${isoDate}`)
  return Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY)
}

/** ISO date (YYYY-MM-DD) of a day number. */
export function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

/** True for a real calendar date written YYYY-MM-DD (2023-02-30 is not). */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && fromDay(toDay(value)) === value
}
