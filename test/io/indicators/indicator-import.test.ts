import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { IndicatorObservation, Region } from '@/core/model'
import { readSourceTable } from '@/io/import/adapters'
import { analyseIndicators, mappingComplete } from '@/io/indicators/analyse-indicators'
import { createRegionMatcher, parseFigure, parseMonth } from '@/io/indicators/indicator-cells'
import { guessIndicatorMapping, indicatorOfLabel, scaleOfLabel } from '@/io/indicators/indicator-columns'

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures/indicators', name)))
const region = (code: string, name: string, level: Region['level'], parentCode: string | null): Region => ({ code, name, level, parentCode, geometry: null, approximate: false })
const ROOT = '370124000000'
const REGIONS: Region[] = [
  region(ROOT, '平阴县', 'county', null),
  region('370124001000', '榆山街道', 'town', ROOT),
  region('370124002000', '锦水街道', 'town', ROOT),
  region('370124001201', '东关村', 'village', '370124001000'),
  region('370124002201', '东关村', 'village', '370124002000'),
]

describe('indicator cells', () => {
  it('reads the months operators write, and refuses what is not one', () => {
    for (const text of ['2023-06', '2023/6', '2023.06', '202306', '2023年6月', '2023年06月份', '2023-06-30', '2023/6/30', '45107', 'Jun 2023', '２０２３年６月']) {
      expect(parseMonth(text), text).toBe('2023-06')
    }
    for (const text of ['2023年13月', '2023-00', '6月', '上月', '2023-06-45', '12345', '']) expect(parseMonth(text), text).toBeNull()
  })

  it('reads figures with separators, full-width digits, unit words and 万/亿, and refuses negatives and words', () => {
    expect(parseFigure('12,345')).toBe(12_345)
    expect(parseFigure('１２３４５笔')).toBe(12_345)
    expect(parseFigure('3.5万')).toBe(35_000)
    expect(parseFigure('1.2亿元')).toBe(120_000_000)
    for (const text of ['-5', '约一万', 'n/a', '1.2.3']) expect(parseFigure(text), text).toBeNull()
  })

  it('finds regions by code, code prefix, name, short name and total word; a shared village name is ambiguous', () => {
    const match = createRegionMatcher(REGIONS, ROOT)
    const code = (text: string): string | undefined => {
      const m = match(text)
      return 'region' in m ? m.region.code : undefined
    }
    expect(code('370124002000')).toBe('370124002000')
    expect(code('370124002')).toBe('370124002000')
    expect(code('锦水街道')).toBe('370124002000')
    expect(code('榆山')).toBe('370124001000')
    expect(code('合计')).toBe(ROOT)
    expect(match('东关村')).toEqual({ problem: 'ambiguous', candidates: ['370124001201', '370124002201'] })
    expect(match('平阴新区')).toEqual({ problem: 'unknown' })
    expect(match('370124999')).toEqual({ problem: 'unknown' })
  })

  it('names indicators and their units in Chinese and English headers', () => {
    expect(indicatorOfLabel('个人钱包（个）')).toBe('personal_wallets')
    expect(indicatorOfLabel('累计对公钱包开立数')).toBe('corporate_wallets')
    expect(indicatorOfLabel('Transaction count')).toBe('transaction_count')
    expect(indicatorOfLabel('交易金额(万元)')).toBe('transaction_amount_yuan')
    expect(indicatorOfLabel('手续费')).toBeNull()
    expect(scaleOfLabel('交易金额(万元)')).toBe(10_000)
    expect(scaleOfLabel('交易金额亿元')).toBe(100_000_000)
    expect(scaleOfLabel('交易金额（元）')).toBeNull()
  })
})

describe('an indicator report', () => {
  it('guesses the wide layout of a GBK CSV, with the amount in 万元', async () => {
    const table = await readSourceTable('指标.csv', fixture('indicators-wide-gbk.csv'))
    expect(table.encoding).toBe('gb18030')
    const mapping = guessIndicatorMapping(table.columns)
    expect(mapping).toMatchObject({
      layout: 'wide', region: '镇街', month: '月份',
      columns: { personal_wallets: '个人钱包（个）', corporate_wallets: '对公钱包（个）', transaction_count: '交易笔数', transaction_amount_yuan: '交易金额（万元）' },
      scale: { transaction_amount_yuan: 10_000 },
    })
    expect(mappingComplete(mapping)).toBe(true)
  })

  it('validates the wide CSV: names row and field of each problem and keeps the rest', async () => {
    const table = await readSourceTable('指标.csv', fixture('indicators-wide-gbk.csv'))
    const analysis = analyseIndicators(table, guessIndicatorMapping(table.columns), REGIONS, ROOT, [])
    expect(analysis.rows).toBe(8)
    expect(analysis.issues.map(({ row, field, code }) => [row, field, code])).toEqual([
      [6, '镇街', 'region-unknown'],
      [7, '月份', 'month-invalid'],
      [8, '个人钱包（个）', 'value-invalid'],
      [9, 'personal_wallets', 'duplicate'],
      [9, 'corporate_wallets', 'duplicate'],
      [9, 'transaction_count', 'duplicate'],
      [9, 'transaction_amount_yuan', 'duplicate'],
    ])
    expect(analysis.issues.find((i) => i.code === 'duplicate')?.otherRow).toBe(2)
    const june = analysis.added.filter((o) => o.regionCode === '370124001000' && o.date === '2023-06-30')
    expect(Object.fromEntries(june.map((o) => [o.indicator, o.value]))).toEqual({
      personal_wallets: 12_345, corporate_wallets: 210, transaction_count: 8800, transaction_amount_yuan: 3_565_000,
    })
    expect(analysis.added.find((o) => o.regionCode === ROOT && o.indicator === 'transaction_amount_yuan')?.value).toBe(5_577_500)
    // 锦水街道 in July: the wallets figure is refused, the others of the row are kept; the empty amount is no figure.
    expect(analysis.added.filter((o) => o.regionCode === '370124002000' && o.date === '2023-07-31').map((o) => o.indicator)).toEqual(['corporate_wallets', 'transaction_count'])
    expect(analysis.added).toHaveLength(4 + 4 + 4 + 4 + 2)
  })

  it('reads the long layout from the chosen XLSX sheet: codes, date cells, a unit in the indicator name', async () => {
    const table = await readSourceTable('指标.xlsx', fixture('indicators-long.xlsx'), { sheet: '指标月报' })
    const mapping = guessIndicatorMapping(table.columns)
    expect(mapping).toMatchObject({ layout: 'long', region: '区划代码', month: '月份', indicator: '指标', value: '数值' })
    const analysis = analyseIndicators(table, mapping, REGIONS, ROOT, [])
    expect(analysis.added.map((o) => [o.regionCode, o.date, o.indicator, o.value])).toEqual([
      ['370124001000', '2023-06-30', 'personal_wallets', 12_345],
      ['370124001000', '2023-06-30', 'transaction_amount_yuan', 3_565_000],
      ['370124002000', '2023-06-30', 'corporate_wallets', 150],
    ])
    expect(analysis.issues.map(({ row, field, code, otherRow }) => [row, field, code, otherRow])).toEqual([
      [5, 'transaction_count', 'conflict', 6],
      [6, 'transaction_count', 'conflict', 5],
      [7, '区划代码', 'region-unknown', undefined],
      [8, '指标', 'indicator-unknown', undefined],
    ])
  })

  it('updates the observations of the same month on re-import instead of adding them again', async () => {
    const table = await readSourceTable('指标.xlsx', fixture('indicators-long.xlsx'), { sheet: '指标月报' })
    const mapping = guessIndicatorMapping(table.columns)
    const first = analyseIndicators(table, mapping, REGIONS, ROOT, [])
    const manual: IndicatorObservation = { id: 'manual-1', regionCode: '370124002000', date: '2023-06-20', indicator: 'corporate_wallets', value: 140 }
    const stored = [...first.added.filter((o) => o.indicator !== 'corporate_wallets'), manual]
    stored[0] = { ...stored[0]!, value: 12_000 }
    const again = analyseIndicators(table, mapping, REGIONS, ROOT, stored)
    expect(again.added).toEqual([])
    expect(again.unchanged).toBe(1)
    expect(again.updated).toEqual([
      { ...stored[0], value: 12_345 },
      { ...manual, date: '2023-06-30', value: 150 },
    ])
  })

  it('reports a row without region or month, and a long row without a value', () => {
    const table = {
      file: 'x.csv', format: 'csv' as const, columns: ['地区', '月份', '指标', '数值'], geometries: null, rowNumbers: [2, 3, 4],
      records: [{ 地区: '', 月份: '2023-06', 指标: '交易笔数', 数值: '5' }, { 地区: '榆山街道', 月份: '', 指标: '交易笔数', 数值: '5' }, { 地区: '榆山街道', 月份: '2023-06', 指标: '交易笔数', 数值: '' }],
    }
    const analysis = analyseIndicators(table, guessIndicatorMapping(table.columns), REGIONS, ROOT, [])
    expect(analysis.issues.map(({ row, code }) => [row, code])).toEqual([[2, 'region-missing'], [3, 'month-missing'], [4, 'value-missing']])
    expect(analysis.added).toEqual([])
  })
})
