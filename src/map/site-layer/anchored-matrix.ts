/**
 * The map's mercator-to-clip matrix (float64) times a translation to the anchor, computed in float64 and only then
 * rounded to float32. Vertices hold mercator minus the anchor, so neither side loses precision at street zoom.
 */
export function anchoredMatrix(matrix: ArrayLike<number>, anchorX: number, anchorY: number): Float32Array {
  const out = new Float32Array(16)
  for (let i = 0; i < 12; i++) out[i] = matrix[i]!
  for (let i = 0; i < 4; i++) out[12 + i] = matrix[i]! * anchorX + matrix[4 + i]! * anchorY + matrix[12 + i]!
  return out
}
