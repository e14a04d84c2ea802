import { createCacheGl, deleteCacheGl, type CacheGl } from './cache-gl'
import { bindAttribute, compileProgram, isWebGL2, vertexArraysOf, type GL, type VertexArrays } from './gl-program'
import type { KindAtlas } from './kind-atlas'
import { fragmentShader, VERTEX_SHADER, type FragmentVariant } from './shaders'

export type { GL } from './gl-program'

const UNIFORMS = [
  'u_matrix', 'u_colors', 'u_merchant_px', 'u_symbol_px', 'u_highlight', 'u_highlight_px', 'u_atlas', 'u_atlas_cell',
  'u_atlas_pad', 'u_atlas_stride', 'u_merchant_fill', 'u_ring_inner', 'u_highlight_color', 'u_pixel_ratio', 'u_halo_px',
] as const
export type UniformName = (typeof UNIFORMS)[number]

/** One variant's program and its uniform locations (null where the variant does not use one). */
export interface SiteProgram {
  program: WebGLProgram
  uniforms: Record<UniformName, WebGLUniformLocation | null>
}

export interface SiteGlResources {
  /** Compiled on first use (programOf): the ring and the halo wait until something is selected. */
  programs: Partial<Record<FragmentVariant, SiteProgram>>
  positionBuffer: WebGLBuffer
  styleBuffer: WebGLBuffer
  atlas: WebGLTexture
  vao: WebGLVertexArrayObject | null
  /** The same layout for the aggregated bins of one level (see site-bins.ts). */
  binPositionBuffer: WebGLBuffer
  binStyleBuffer: WebGLBuffer
  binVao: WebGLVertexArrayObject | null
  /** The slots of the box or lasso selection: indices into the sites' vertices (see site-selection.ts). */
  selectionBuffer: WebGLBuffer
  /** Whether 32-bit indices can be drawn (WebGL2, or WebGL1 with OES_element_index_uint): 200,000 slots need them. */
  uintIndices: boolean
  vertexArrays: VertexArrays
  cache: CacheGl
  maxTextureSize: number
}

/** Points the vertex array's two attributes at two buffers (float32 x/y; unsigned bytes status/kind/visible/size). */
function describeAttributes(gl: GL, positions: WebGLBuffer, styles: WebGLBuffer): void {
  bindAttribute(gl, positions, 0, 2, gl.FLOAT, 8)
  bindAttribute(gl, styles, 1, 4, gl.UNSIGNED_BYTE, 4)
}

function createProgram(gl: GL, variant: FragmentVariant): SiteProgram {
  // The same attribute locations in every variant, so one vertex array serves them all.
  const program = compileProgram(gl, VERTEX_SHADER, fragmentShader(variant), ['a_pos', 'a_style'])
  const uniforms = Object.fromEntries(UNIFORMS.map((name) => [name, gl.getUniformLocation(program, name)])) as SiteProgram['uniforms']
  return { program, uniforms }
}

/** Programs, buffers, vertex arrays and textures. Call inside render(): MapLibre resets its cached state after it. */
export function createSiteGlResources(gl: GL): SiteGlResources {
  const vertexArrays = vertexArraysOf(gl)
  const resources: SiteGlResources = {
    programs: {},
    vertexArrays, vao: vertexArrays.create(), binVao: vertexArrays.create(),
    positionBuffer: gl.createBuffer(), styleBuffer: gl.createBuffer(), atlas: gl.createTexture(),
    binPositionBuffer: gl.createBuffer(), binStyleBuffer: gl.createBuffer(),
    selectionBuffer: gl.createBuffer(), uintIndices: isWebGL2(gl) || gl.getExtension('OES_element_index_uint') !== null,
    cache: createCacheGl(gl, vertexArrays), maxTextureSize: gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
  }
  vertexArrays.bind(resources.vao)
  describeAttributes(gl, resources.positionBuffer, resources.styleBuffer)
  vertexArrays.bind(resources.binVao)
  describeAttributes(gl, resources.binPositionBuffer, resources.binStyleBuffer)
  vertexArrays.bind(null)
  return resources
}

/** A variant's program, compiled the first time it draws: each compile costs the first frame time on software WebGL. */
export function programOf(gl: GL, resources: SiteGlResources, variant: FragmentVariant): SiteProgram {
  return (resources.programs[variant] ??= createProgram(gl, variant))
}

/** Binds the sites' (or the bins') vertices; without vertex array objects (old WebGL1) they are described each time. */
export function bindVertices(gl: GL, resources: SiteGlResources, bins = false): void {
  const vao = bins ? resources.binVao : resources.vao
  if (vao) resources.vertexArrays.bind(vao)
  else if (bins) describeAttributes(gl, resources.binPositionBuffer, resources.binStyleBuffer)
  else describeAttributes(gl, resources.positionBuffer, resources.styleBuffer)
}

export function unbindSiteResources(gl: GL, resources: SiteGlResources): void {
  resources.vertexArrays.bind(null)
  gl.bindBuffer(gl.ARRAY_BUFFER, null)
}

export function uploadAtlas(gl: GL, texture: WebGLTexture, atlas: KindAtlas): void {
  gl.bindTexture(gl.TEXTURE_2D, texture)
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1)
  gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false)
  gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false)
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.ALPHA, atlas.width, atlas.height, 0, gl.ALPHA, gl.UNSIGNED_BYTE, atlas.alpha)
  // The atlas is not a power of two: WebGL1 needs clamping and no mipmaps.
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR)
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR)
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE)
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE)
}

export function deleteSiteGlResources(gl: GL, resources: SiteGlResources): void {
  deleteCacheGl(gl, resources.cache, resources.vertexArrays)
  resources.vertexArrays.remove(resources.binVao)
  gl.deleteBuffer(resources.binPositionBuffer)
  gl.deleteBuffer(resources.binStyleBuffer)
  gl.deleteBuffer(resources.selectionBuffer)
  resources.vertexArrays.remove(resources.vao)
  gl.deleteBuffer(resources.positionBuffer)
  gl.deleteBuffer(resources.styleBuffer)
  gl.deleteTexture(resources.atlas)
  for (const site of Object.values(resources.programs)) gl.deleteProgram(site.program)
}
