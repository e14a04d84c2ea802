import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')
const FIXTURES = resolve(ROOT, 'test/fixtures/report')

/** Runs the CLI as `npm run report` does (tsx over cli/report.ts) and returns its exit code and output. */
function report(...args: string[]): { status: number | null, stdout: string, stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/report.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const fixture = (name: string): string => resolve(FIXTURES, name)

// Each case spawns the CLI (tsx compiles it first): seconds on a busy machine, so a generous timeout.
describe('npm run report', { timeout: 60_000 }, () => {
  it('prints coverage, targets and gaps per town as JSON', () => {
    const { status, stdout, stderr } = report('--regions', fixture('towns.geojson'), '--sites', fixture('sites.csv'), '--targets', fixture('targets.json'), '--as-of', '2023-06-30')
    expect(stderr).toBe('')
    expect(status).toBe(0)
    const out = JSON.parse(stdout)
    expect(out.outside).toEqual(['x1'])
    expect(out.coverage).toContainEqual(expect.objectContaining({ regionCode: '370124000000', kind: 'merchant', total: 5, live: 2 }))
    expect(out.targets.map((t: { regionName: string, gap: number, status: string }) => [t.regionName, t.gap, t.status])).toEqual([
      ['榆山街道', 0, 'met'],
      ['锦水街道', 0, 'met'],
    ])
  })

  it('reads a GBK-encoded CSV exactly like its UTF-8 twin, and writes CSV', () => {
    const args = ['--regions', fixture('towns.geojson'), '--targets', 'pingyin-2023', '--as-of', '2023-06-30', '--format', 'csv']
    const utf8 = report(...args, '--sites', fixture('sites.csv'))
    const gbk = report(...args, '--sites', fixture('sites-gbk.csv'))
    expect(gbk.status).toBe(0)
    expect(gbk.stdout).toBe(utf8.stdout)
    expect(gbk.stdout.split('\n')[0]).toMatch(/^regionCode,regionName,targetId,title,metric/)
    expect(gbk.stdout).toContain('pingyin-2023/r8-year-merchant')
    expect(gbk.stdout).toContain('锦水街道')
  })

  it('assigns bus lines from GeoJSON and counts their vehicles once in the county', () => {
    const { status, stdout } = report('--regions', fixture('towns.geojson'), '--sites', fixture('sites-lines.geojson'), '--as-of', '2023-06-30')
    expect(status).toBe(0)
    const bus = JSON.parse(stdout).coverage.filter((c: { kind: string }) => c.kind === 'bus_line')
    expect(bus.map((c: { regionCode: string, total: number, liveUnits: number }) => [c.regionCode, c.total, c.liveUnits]))
      .toEqual([['370124000000', 1, 12], ['370124001000', 1, 12], ['370124002000', 1, 12]])
  })

  it('uses the region code and name fields it is given', () => {
    const { status, stdout } = report('--regions', fixture('towns-custom-fields.geojson'), '--region-code-field', 'XZQDM', '--region-name-field', 'XZQMC', '--sites', fixture('sites.csv'), '--format', 'csv', '--as-of', '2023-06-30')
    expect(status).toBe(0)
    expect(stdout).toContain('370124002000,锦水街道,town,merchant,3,1')
  })

  it('converts GCJ-02 input to WGS-84 (about 0.5 km near Pingyin)', () => {
    const wgs = JSON.parse(report('--regions', fixture('towns.geojson'), '--sites', fixture('sites.csv'), '--as-of', '2023-06-30').stdout)
    const gcj = JSON.parse(report('--regions', fixture('towns.geojson'), '--sites', fixture('sites.csv'), '--as-of', '2023-06-30', '--crs', 'gcj02').stdout)
    expect(gcj.siteCount).toBe(wgs.siteCount)
    expect(gcj.outside).toEqual(['x1'])
  })

  it('exits non-zero naming the file, row and field of bad input', () => {
    const broken = report('--regions', fixture('towns.geojson'), '--sites', fixture('sites-broken.csv'))
    expect(broken.status).toBe(2)
    expect(broken.stderr).toContain('sites-broken.csv: row 3, field 纬度: "北纬36度" is not a number')
    const missing = report('--regions', fixture('nope.geojson'), '--sites', fixture('sites.csv'))
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('nope.geojson: cannot be read (ENOENT)')
    const notRegions = report('--regions', fixture('sites.csv'), '--sites', fixture('sites.csv'))
    expect(notRegions.status).toBe(2)
    expect(notRegions.stderr).toMatch(/sites\.csv: not valid JSON/)
  })

  it('rejects a bad command line with its usage', () => {
    const result = report('--regions', fixture('towns.geojson'), '--sites', fixture('sites.csv'), '--as-of', '2023-13-01')
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('--as-of must be a date')
    expect(result.stderr).toContain('usage: npm run report')
  })
})
