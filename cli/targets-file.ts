import { TARGET_METRICS, type Target } from '../src/core/model'
import { isIsoDate } from '../src/core/targets/dates'
import { decodeText, ImportError } from '../src/io'

/** Targets from a JSON file: an array of Target objects (as the app exports them). Row = array position from 1. */
export function parseTargetsJson(file: string, bytes: Uint8Array): Target[] {
  let json: unknown
  try {
    json = JSON.parse(decodeText(bytes).text)
  } catch (error) {
    throw new ImportError({ file }, `not valid JSON (${(error as Error).message})`)
  }
  if (!Array.isArray(json)) throw new ImportError({ file }, 'expected a JSON array of targets')
  return json.map((raw: Partial<Target>, i) => {
    const at = (field: string) => ({ file, row: i + 1, field })
    if (typeof raw?.id !== 'string') throw new ImportError(at('id'), 'missing')
    if (typeof raw.scope?.regionCode !== 'string') throw new ImportError(at('scope.regionCode'), 'missing')
    if (!TARGET_METRICS.includes(raw.metric as Target['metric'])) throw new ImportError(at('metric'), `must be one of ${TARGET_METRICS.join(', ')}`)
    if (typeof raw.threshold !== 'number') throw new ImportError(at('threshold'), 'must be a number')
    if (typeof raw.dueDate !== 'string' || !isIsoDate(raw.dueDate)) throw new ImportError(at('dueDate'), 'must be a date YYYY-MM-DD')
    return { title: raw.id, milestone: 'custom', ...raw } as Target
  })
}
