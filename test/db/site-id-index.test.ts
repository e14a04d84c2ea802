import { describe, expect, it, vi } from 'vitest'
import type { Site } from '@/core/model'
import { encodeSites } from '@/db/site-columns'
import { ChunkIdIndex } from '@/db/site-id-index'
import { makeSites } from './support'

const base = makeSites(1)[0]!
const withId = (id: string): Site => ({ ...base, id })
/** Stored as it is (an unknown kind), so its id is not in the packed column. */
const raw = (id: unknown): Site => ({ ...base, id: id as string, kind: 'spaceport' as Site['kind'] })

/** Both ways an index finds ids: by searching the packed column first, and by its hash table. */
function indexesOf(sites: Site[]): Array<[string, ChunkIdIndex]> {
  const columns = encodeSites(sites)
  const hashed = new ChunkIdIndex(columns)
  hashed.indexed()
  return [['search', new ChunkIdIndex(columns)], ['hash table', hashed]]
}

/** What a lookup must answer: the first site with the id, as indexOf over the sites' ids would. */
const firstOffset = (sites: Site[], id: string): number | undefined => {
  const offset = sites.findIndex((site) => site.id === id)
  return offset < 0 ? undefined : offset
}

describe('the id index of a chunk', () => {
  it('finds every site, also those stored as they are, and no id that is not there', () => {
    const sites = [...makeSites(300), raw('raw-a'), ...makeSites(20, 'more'), raw('raw-b')]
    for (const [how, index] of indexesOf(sites)) {
      for (const [offset, site] of sites.entries()) expect(index.offsetOf(site.id), `${how}: ${site.id}`).toBe(offset)
      for (const absent of ['s-000300', 's-00000', 'raw-', 'zz', 's-000299 ']) expect(index.offsetOf(absent), `${how}: ${absent}`).toBeUndefined()
    }
  })

  it('answers the first of sites that share an id, stored as they are or not', () => {
    const sites = [withId('a'), raw('dup'), withId('dup'), withId('b'), withId('a'), raw('b')]
    for (const [how, index] of indexesOf(sites)) {
      expect([index.offsetOf('a'), index.offsetOf('dup'), index.offsetOf('b')], how).toEqual([0, 1, 3])
    }
    const later = [withId('x'), withId('dup'), raw('dup')]
    for (const [how, index] of indexesOf(later)) expect(index.offsetOf('dup'), how).toBe(1)
  })

  it('does not take an id that appears inside another id or across two of them', () => {
    const sites = ['ab', 'c', 'abc', 'b', 'bc', 'cab'].map(withId)
    for (const [how, index] of indexesOf(sites)) {
      for (const id of ['ab', 'c', 'abc', 'b', 'bc', 'cab']) expect(index.offsetOf(id), `${how}: ${id}`).toBe(firstOffset(sites, id))
      for (const absent of ['ca', 'bca', 'a', 'cabc']) expect(index.offsetOf(absent), `${how}: ${absent}`).toBeUndefined()
    }
  })

  it('finds empty ids, and never a site stored as it is whose id is not a string', () => {
    const sites = [withId('x'), raw(7), raw(undefined), withId(''), withId('7'), raw('')]
    for (const [how, index] of indexesOf(sites)) {
      expect([index.offsetOf(''), index.offsetOf('7'), index.offsetOf('x')], how).toEqual([3, 4, 0])
    }
    expect(new ChunkIdIndex(encodeSites([raw(''), withId('')])).offsetOf('')).toBe(0)
  })

  it('keeps ids with any UTF-16 content apart', () => {
    const ids = ['\uD800', '\uD800\uDC00', '𠀀', '门店-1', '门店-10', 'A', 'a', '\u0000']
    const sites = ids.map(withId)
    for (const [how, index] of indexesOf(sites)) {
      for (const [offset, id] of ids.entries()) expect(index.offsetOf(id), `${how}: ${id}`).toBe(offset)
      expect(index.offsetOf('\uDC00'), how).toBeUndefined()
    }
  })

  it('searches the packed ids for a single id, and builds its hash table once an id keeps turning up inside others', () => {
    const sites = [...Array.from({ length: 100 }, () => withId('ba')), withId('a'), withId('ab'), ...makeSites(50)]
    const index = new ChunkIdIndex(encodeSites(sites))
    const built = vi.spyOn(index, 'indexed')
    expect([index.offsetOf('ba'), index.offsetOf('s-000049'), index.offsetOf('s-000050')]).toEqual([0, 151, undefined])
    expect(built).not.toHaveBeenCalled()
    // 'a' is inside each of the 100 'ba' before it.
    expect(index.offsetOf('a')).toBe(100)
    expect(built).toHaveBeenCalledOnce()
    expect([index.offsetOf('ab'), index.offsetOf('bab'), index.offsetOf('s-000000')]).toEqual([101, undefined, 102])
  })
})
