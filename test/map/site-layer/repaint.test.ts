import { describe, expect, it } from 'vitest'
import { createRepainter, STILL_MS, type RepaintTarget } from '@/map/site-layer/repaint'

/** A map that records its frame calls; a redraw draws a frame, which the layer hears as 'render'. */
function fakeMap(onFrame: () => void) {
  const calls: string[] = []
  const map: RepaintTarget & { moving: boolean } = {
    moving: false,
    triggerRepaint: () => { calls.push('request') },
    redraw: () => {
      calls.push('redraw')
      onFrame()
    },
    isMoving: () => map.moving,
  }
  return { map, calls }
}

function setup() {
  let time = 1_000
  const page = { shown: true }
  const repainter = createRepainter(() => time, () => page.shown)
  const { map, calls } = fakeMap(() => repainter.framed())
  return { repainter, map, calls, page, advance: (ms: number) => { time += ms } }
}

const endOfTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

describe('site layer repaint', () => {
  it('draws a change on a still map at the end of the task, once for all changes of that task', async () => {
    const { repainter, map, calls } = setup()
    repainter.request(map)
    repainter.request(map)
    repainter.request(map)
    // Nothing is drawn inside the task that makes the changes.
    expect(calls).not.toContain('redraw')
    await endOfTask()
    expect(calls.filter((call) => call === 'redraw')).toHaveLength(1)
  })

  it('leaves changes that come soon after a frame to the next animation frame', async () => {
    const { repainter, map, calls, advance } = setup()
    repainter.framed()
    advance(STILL_MS - 1)
    repainter.request(map)
    await endOfTask()
    expect(calls).toEqual(['request'])
    // A stream of changes: the first is drawn at once, the next ones ride animation frames.
    advance(STILL_MS)
    repainter.request(map)
    await endOfTask()
    repainter.request(map)
    await endOfTask()
    expect(calls).toEqual(['request', 'request', 'redraw', 'request'])
  })

  it('never draws at once while the map moves', async () => {
    const { repainter, map, calls } = setup()
    map.moving = true
    repainter.request(map)
    await endOfTask()
    expect(calls).toEqual(['request'])
  })

  it('draws nothing at once in a hidden page (an edit from another tab): that waits for an animation frame', async () => {
    const { repainter, map, calls, page } = setup()
    page.shown = false
    repainter.request(map)
    await endOfTask()
    expect(calls).toEqual(['request'])
  })

  it('does not draw again when a frame came before the end of the task', async () => {
    const { repainter, map, calls } = setup()
    repainter.request(map)
    map.redraw()
    await endOfTask()
    expect(calls).toEqual(['request', 'redraw'])
  })
})
