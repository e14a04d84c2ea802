import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { createPlan } from '@/db/plan-repository'
import { StorageWriteError, toStorageError } from '@/db/storage-error'
import { errorText } from '@/i18n/error-text'
import en from '@/i18n/en'
import zhCN from '@/i18n/zh-CN'
import { BUNDLE_FORMAT, parseBundle } from '@/io/bundle/plan-bundle'
import { CHANGE_SET_FORMAT, parseChangeSet } from '@/io/bundle/change-set'
import { makePlanData, openTestDatabase } from '../db/support'

function translator(locale: 'zh-CN' | 'en') {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } })
  return (key: string, named: Record<string, unknown>): string => i18n.global.t(key, named)
}
const zh = translator('zh-CN')
const english = translator('en')
/** Latin words of three letters or more: English left in a Chinese sentence. */
const englishWords = (text: string): string[] => text.match(/[A-Za-z]{3,}/g) ?? []

const quota = toStorageError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'), 'commit "Edit" to plan a')

describe('errors in the user\'s language', () => {
  it('says in Chinese that the disk is full, that nothing changed and what to do', () => {
    const text = errorText(zh, quota)
    expect(text).toContain('存储空间已满')
    expect(text).toContain('未做任何更改')
    expect(englishWords(text)).toEqual([])
    expect(zh('site.saveFailed', { message: text })).toMatch(/^保存失败：本机存储空间已满.*清理出空间。您的修改仍在表单中/)
  })

  it('says the same in English', () => {
    expect(errorText(english, quota)).toMatch(/^the device's storage is full and nothing was changed; export and delete plans .*settings$/)
  })

  it('words every storage failure, with the database\'s own words only when it gave no reason', async () => {
    const db = openTestDatabase()
    await createPlan(db, makePlanData('plan-a', 2))
    const exists = await createPlan(db, makePlanData('plan-a', 2)).catch((e: unknown) => e)
    expect(errorText(zh, exists)).toBe('本机已有同一编号的方案，本次未做任何更改')
    db.close()
    expect(errorText(zh, new StorageWriteError('blocked', 'commit'))).toContain('另一个标签页')
    expect(errorText(zh, new StorageWriteError('missing', 'commit'))).toContain('该方案已不存在')
    const unknown = toStorageError(new DOMException('Disk I/O', 'UnknownError'), 'commit')
    expect(errorText(zh, unknown)).toBe('数据库拒绝了这次写入（UnknownError: Disk I/O），本次未做任何更改')
  })

  it('names the file and the versions of a bundle from a newer app', async () => {
    const newer = await parseBundle(JSON.stringify({ format: BUNDLE_FORMAT, version: 99 })).catch((e: unknown) => e)
    expect(errorText(zh, newer)).toMatch(/^此方案备份文件由更新版本的规划图生成（格式 99，本版本最多读取格式 \d+）；请先更新应用/)
    expect(errorText(english, newer)).toMatch(/^this plan backup was written by a newer version of the planner \(format 99; /)
  })

  it('tells a damaged change set from a file that is not one', async () => {
    const damaged = await parseChangeSet(JSON.stringify({ format: CHANGE_SET_FORMAT, version: 1 })).catch((e: unknown) => e)
    expect(errorText(zh, damaged)).toMatch(/^此修改交换文件已损坏，无法读取（This change set is damaged/)
    const notOne = await parseChangeSet('not json').catch((e: unknown) => e)
    expect(errorText(zh, notOne)).toBe('此文件不是规划图的修改交换文件')
  })

  it('keeps any other error\'s message, without its full stop', () => {
    expect(errorText(zh, new Error('Something else broke.'))).toBe('Something else broke')
    expect(errorText(zh, 'plain text')).toBe('plain text')
  })
})
