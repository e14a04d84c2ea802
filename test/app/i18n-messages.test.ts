import { describe, expect, it } from 'vitest'
import en from '@/i18n/en'
import zhCN from '@/i18n/zh-CN'

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'object' ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]))
}

describe('UI messages', () => {
  it('have the same keys in Simplified Chinese and English, none empty', () => {
    expect(keys(en)).toEqual(keys(zhCN))
    const empty = [zhCN, en].flatMap((m) => keys(m).filter((k) => k.split('.').reduce<unknown>((v, part) => (v as Record<string, unknown>)[part], m) === ''))
    expect(empty).toEqual([])
  })

  it('keep the same placeholders in both languages', () => {
    const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()
    const value = (m: object, key: string): string => key.split('.').reduce<unknown>((v, part) => (v as Record<string, unknown>)[part], m) as string
    for (const key of keys(zhCN)) expect(placeholders(value(en, key)), key).toEqual(placeholders(value(zhCN, key)))
  })
})
