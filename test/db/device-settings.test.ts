import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { getDeviceSettings, setDeviceUserName } from '@/db/device-settings'
import { openTestDatabase } from './support'

describe('device settings', () => {
  it('make a device id once and keep the user name', async () => {
    const db = openTestDatabase()
    const first = await getDeviceSettings(db)
    expect(first).toEqual({ userName: '', deviceId: expect.stringMatching(/^[0-9a-f-]{36}$/) })
    await setDeviceUserName(db, '李娜')
    expect(await getDeviceSettings(db)).toEqual({ userName: '李娜', deviceId: first.deviceId })
    db.close()
  })
})
