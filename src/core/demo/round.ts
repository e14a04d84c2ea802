import type { Position } from 'geojson'

/** Coordinates are stored to 1e-7° (about 1 cm): enough for any site, and stable in text. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e7) / 1e7
}

export function roundPosition(position: Position): Position {
  return [roundCoordinate(position[0] ?? 0), roundCoordinate(position[1] ?? 0)]
}
