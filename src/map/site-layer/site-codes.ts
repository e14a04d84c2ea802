import { SITE_KINDS, SITE_STATUSES, type SiteKind, type SiteStatus } from '@/core/model'

/** A site's kind as the byte the shader reads: its position in SITE_KINDS (0 = merchant, drawn as a round dot). */
export const KIND_CODES = Object.fromEntries(SITE_KINDS.map((kind, code) => [kind, code])) as Record<SiteKind, number>

/** A site's status as the byte the shader reads: its position in SITE_STATUSES (indexes the colour table). */
export const STATUS_CODES = Object.fromEntries(SITE_STATUSES.map((status, code) => [status, code])) as Record<SiteStatus, number>

/** Bytes per site in the style buffer: status, kind, visible (0/1), and one spare byte for 4-byte alignment. */
export const STYLE_STRIDE = 4
export const STYLE_STATUS = 0
export const STYLE_KIND = 1
export const STYLE_VISIBLE = 2

/** Draw groups: 0 merchants (round dots), 1 every other kind (icons); see keyOf in pack-sites.ts. */
export const DRAW_GROUPS = 2
export const groupOf = (kind: SiteKind): number => (kind === 'merchant' ? 0 : 1)
