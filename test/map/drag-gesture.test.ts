import { describe, expect, it } from 'vitest'
import { DragGesture } from '@/map/drag-gesture'
import { extendPath } from '@/map/lasso-path'

describe('dragging a site', () => {
  it('stays a click until the pointer travels past the tolerance, then previews and drops where released', () => {
    const gesture = new DragGesture(4)
    gesture.press('s1', { x: 100, y: 100 })
    expect(gesture.move({ x: 102, y: 101 })).toBeNull()
    expect(gesture.move({ x: 104, y: 100 })).toEqual({ type: 'preview', siteId: 's1', point: { x: 104, y: 100 } })
    // Back near the start, it is still a move: only the first stretch decides.
    expect(gesture.move({ x: 101, y: 100 })).toEqual({ type: 'preview', siteId: 's1', point: { x: 101, y: 100 } })
    expect(gesture.release({ x: 150, y: 90 })).toEqual({ type: 'drop', siteId: 's1', point: { x: 150, y: 90 } })
    expect(gesture.active).toBe(false)
    expect(gesture.move({ x: 200, y: 200 })).toBeNull()
  })

  it('drops nothing after a mere click', () => {
    const gesture = new DragGesture(4)
    gesture.press('s1', { x: 10, y: 10 })
    expect(gesture.release({ x: 11, y: 12 })).toBeNull()
  })

  it('restores a moved site on cancel (Esc, a pinch), and nothing is dropped after', () => {
    const gesture = new DragGesture(4)
    gesture.press('s1', { x: 0, y: 0 })
    gesture.move({ x: 30, y: 0 })
    expect(gesture.cancel()).toEqual({ type: 'restore', siteId: 's1' })
    expect(gesture.release({ x: 40, y: 0 })).toBeNull()
    gesture.press('s2', { x: 0, y: 0 })
    expect(gesture.cancel()).toBeNull()
  })
})

describe('a lasso path', () => {
  it('keeps a vertex per step of travel, dropping the jitter between', () => {
    const path = [{ x: 0, y: 0 }]
    expect(extendPath(path, { x: 1, y: 1 }, 4)).toBe(false)
    expect(extendPath(path, { x: 3, y: 3 }, 4)).toBe(true)
    expect(extendPath(path, { x: 5, y: 3 }, 4)).toBe(false)
    expect(extendPath(path, { x: 7, y: 3 }, 4)).toBe(true)
    expect(path).toEqual([{ x: 0, y: 0 }, { x: 3, y: 3 }, { x: 7, y: 3 }])
    const empty: { x: number, y: number }[] = []
    expect(extendPath(empty, { x: 5, y: 5 })).toBe(true)
  })
})
