import type { GL, SiteGlResources } from './gl-resources'
import type { PackedSites } from './pack-sites'
import { STYLE_STRIDE } from './site-codes'

/** Past this many single-slot writes, one upload of the whole style buffer is cheaper than many small ones. */
const MAX_SLOT_UPLOADS = 256

/**
 * What the GPU buffers lack, recorded by the API and sent in the next render(): MapLibre caches its own buffer
 * bindings and only resets that cache after a custom layer's render, so we never bind a buffer anywhere else.
 */
export interface PendingUploads {
  /** New packing: both buffers are replaced. */
  all: boolean
  /** A filter changed every visible byte. */
  allStyles: boolean
  styleSlots: Set<number>
  positionSlots: Set<number>
}

export function createPendingUploads(): PendingUploads {
  return { all: true, allStyles: false, styleSlots: new Set(), positionSlots: new Set() }
}

export function markStyle(pending: PendingUploads, slot: number): void {
  if (pending.styleSlots.size < MAX_SLOT_UPLOADS) pending.styleSlots.add(slot)
  else pending.allStyles = true
}

export function markPosition(pending: PendingUploads, slot: number): void {
  pending.positionSlots.add(slot)
}

function uploadSlots(gl: GL, slots: Set<number>, data: Uint8Array | Float32Array, stride: number): void {
  for (const slot of slots) {
    // One vertex: the few bytes of this slot, not the buffer.
    gl.bufferSubData(gl.ARRAY_BUFFER, slot * stride * data.BYTES_PER_ELEMENT, data.subarray(slot * stride, (slot + 1) * stride))
  }
}

/** Sends what is pending; call with the site layer's buffers, inside render(). Returns whether anything was sent. */
export function flushUploads(gl: GL, pending: PendingUploads, resources: SiteGlResources, packed: PackedSites): boolean {
  const any = pending.all || pending.allStyles || pending.styleSlots.size > 0 || pending.positionSlots.size > 0
  if (!any) return false
  gl.bindBuffer(gl.ARRAY_BUFFER, resources.positionBuffer)
  if (pending.all) gl.bufferData(gl.ARRAY_BUFFER, packed.positions, gl.STATIC_DRAW)
  else uploadSlots(gl, pending.positionSlots, packed.positions, 2)
  gl.bindBuffer(gl.ARRAY_BUFFER, resources.styleBuffer)
  if (pending.all) gl.bufferData(gl.ARRAY_BUFFER, packed.styles, gl.DYNAMIC_DRAW)
  else if (pending.allStyles) gl.bufferSubData(gl.ARRAY_BUFFER, 0, packed.styles)
  else uploadSlots(gl, pending.styleSlots, packed.styles, STYLE_STRIDE)
  pending.all = false
  pending.allStyles = false
  pending.styleSlots.clear()
  pending.positionSlots.clear()
  return true
}
