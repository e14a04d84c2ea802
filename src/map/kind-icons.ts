import type { Map as MapLibreMap } from 'maplibre-gl'
import type { SiteKind } from '@/core/model'

type Draw = (c: CanvasRenderingContext2D, s: number) => void

const SIZE = 40

const polygon = (points: Array<[number, number]>): Draw => (c, s) => {
  c.beginPath()
  points.forEach(([x, y], i) => (i === 0 ? c.moveTo(x * s, y * s) : c.lineTo(x * s, y * s)))
  c.closePath()
  c.fill()
}

/**
 * One shape per kind of public site (merchants stay plain dots: there are thousands). Drawn on a canvas and
 * registered as SDF images, so the status colour is applied by the layer and no sprite file is fetched.
 */
const SHAPES: Partial<Record<SiteKind, Draw>> = {
  school: polygon([[0.5, 0.08], [0.95, 0.4], [0.95, 0.92], [0.05, 0.92], [0.05, 0.4]]),
  hospital: polygon([[0.36, 0.06], [0.64, 0.06], [0.64, 0.36], [0.94, 0.36], [0.94, 0.64], [0.64, 0.64], [0.64, 0.94], [0.36, 0.94], [0.36, 0.64], [0.06, 0.64], [0.06, 0.36], [0.36, 0.36]]),
  postal_outlet: polygon([[0.06, 0.2], [0.94, 0.2], [0.94, 0.8], [0.06, 0.8]]),
  parking: polygon([[0.1, 0.1], [0.9, 0.1], [0.9, 0.9], [0.1, 0.9]]),
  venue: polygon([[0.5, 0.04], [0.62, 0.36], [0.96, 0.38], [0.7, 0.6], [0.79, 0.94], [0.5, 0.75], [0.21, 0.94], [0.3, 0.6], [0.04, 0.38], [0.38, 0.36]]),
  tax_hall: polygon([[0.5, 0.04], [0.96, 0.5], [0.5, 0.96], [0.04, 0.5]]),
  payroll_unit: polygon([[0.5, 0.06], [0.94, 0.9], [0.06, 0.9]]),
  utility_point: polygon([[0.58, 0.02], [0.18, 0.56], [0.46, 0.56], [0.38, 0.98], [0.82, 0.42], [0.54, 0.42]]),
  union: polygon([[0.5, 0.06], [0.94, 0.5], [0.5, 0.94], [0.06, 0.5]]),
  community: polygon([[0.5, 0.06], [0.94, 0.46], [0.82, 0.46], [0.82, 0.94], [0.18, 0.94], [0.18, 0.46], [0.06, 0.46]]),
  charity: (c, s) => {
    c.beginPath()
    c.arc(0.5 * s, 0.5 * s, 0.44 * s, 0, Math.PI * 2)
    c.fill()
  },
  other: (c, s) => {
    c.beginPath()
    c.arc(0.5 * s, 0.5 * s, 0.4 * s, 0, Math.PI * 2)
    c.fill()
  },
}

export const ICON_KINDS = Object.keys(SHAPES) as SiteKind[]
export const iconName = (kind: SiteKind): string => `kind-${kind}`

/** Registers the kind icons on the map (again after a style change). */
export function addKindIcons(map: MapLibreMap): void {
  for (const kind of ICON_KINDS) {
    if (map.hasImage(iconName(kind))) continue
    const canvas = document.createElement('canvas')
    canvas.width = SIZE
    canvas.height = SIZE
    const context = canvas.getContext('2d')!
    context.fillStyle = '#000'
    SHAPES[kind]!(context, SIZE)
    map.addImage(iconName(kind), context.getImageData(0, 0, SIZE, SIZE), { sdf: true, pixelRatio: 2 })
  }
}

/** A data-URL preview of a kind's icon, for the legend. */
export function kindIconUrl(kind: SiteKind, color: string): string | null {
  const shape = SHAPES[kind]
  if (!shape) return null
  const canvas = document.createElement('canvas')
  canvas.width = SIZE
  canvas.height = SIZE
  const context = canvas.getContext('2d')!
  context.fillStyle = color
  shape(context, SIZE)
  return canvas.toDataURL()
}
