/**
 * Settling the JavaScript heap after an open has created a city plan's site objects.
 *
 * V8 allocates new objects in its young generation and moves them to the old one only when they survive a
 * second scavenge. Opening a 500,000-site plan creates about 150 MB of sites, and whatever part of them the open
 * leaves young (up to a whole young generation: a 32 MB semi-space in desktop Chrome, as the storage bench's GC
 * trace shows) is copied by the next scavenge, a 30–40 ms pause. Left alone, that pause lands in whatever
 * allocates next: the user's first saves or first pan. Allocating short-lived arrays here fills the young
 * generation twice, so both of those scavenges run inside the open, where the user is waiting anyway. The work
 * they do is the same; only its moment changes. The arrays themselves die at once and cost about 15 ms.
 */

/** Below this many sites the young objects are few and their copy costs no more than a millisecond or two. */
export const SETTLE_MIN_SITES = 50_000

/**
 * Twice the largest young generation seen (Chrome's 32 MB semi-space): two scavenges, so objects that had
 * survived none yet are promoted too. A smaller young generation (a tablet's) is filled more times; that only
 * adds scavenges of dead arrays, which cost well under a millisecond each.
 */
const SETTLE_BYTES = 64 * 2 ** 20
/** 1,024 slots: 4 KB with pointer compression (Chrome), 8 KB without — small enough to be allocated young. */
const SLOTS = 1024
const ARRAYS = SETTLE_BYTES / (SLOTS * 4)

/** Where the short-lived arrays are stored, so the compiler cannot prove them unused and skip allocating them. */
const sink = new Array<unknown>(16)

/** Makes V8 promote the objects the last allocations left in the young generation, now rather than later. */
export function settleYoungGeneration(): void {
  for (let i = 0; i < ARRAYS; i++) sink[i & 15] = new Array(SLOTS)
  sink.fill(undefined)
}
