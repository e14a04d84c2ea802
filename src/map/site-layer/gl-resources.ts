import type { KindAtlas } from './kind-atlas'
import { FRAGMENT_SHADER, VERTEX_SHADER } from './shaders'

/** MapLibre hands custom layers its context: WebGL2 normally, WebGL1 where the browser has nothing better. */
export type GL = WebGLRenderingContext | WebGL2RenderingContext

const UNIFORMS = [
  'u_matrix', 'u_colors', 'u_merchant_px', 'u_symbol_px', 'u_highlight', 'u_highlight_px', 'u_atlas', 'u_atlas_cell',
  'u_atlas_pad', 'u_atlas_stride', 'u_merchant_fill', 'u_ring_inner', 'u_highlight_color',
] as const
export type UniformName = (typeof UNIFORMS)[number]

/** Binding and unbinding our own vertex array, so we never rewrite the attribute pointers of one MapLibre has bound. */
interface VertexArrays {
  create(): WebGLVertexArrayObject | null
  bind(vao: WebGLVertexArrayObject | null): void
  remove(vao: WebGLVertexArrayObject | null): void
}

export interface SiteGlResources {
  program: WebGLProgram
  uniforms: Record<UniformName, WebGLUniformLocation | null>
  positionBuffer: WebGLBuffer
  styleBuffer: WebGLBuffer
  atlas: WebGLTexture
  vao: WebGLVertexArrayObject | null
  vertexArrays: VertexArrays
}

function compile(gl: GL, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!
  gl.shaderSource(shader, source)
  gl.compileShader(shader)
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`site layer shader: ${gl.getShaderInfoLog(shader)}`)
  return shader
}

function link(gl: GL): WebGLProgram {
  const program = gl.createProgram()
  const shaders = [compile(gl, gl.VERTEX_SHADER, VERTEX_SHADER), compile(gl, gl.FRAGMENT_SHADER, FRAGMENT_SHADER)]
  for (const shader of shaders) gl.attachShader(program, shader)
  // Fixed locations, so the vertex array set up once matches the program.
  gl.bindAttribLocation(program, 0, 'a_pos')
  gl.bindAttribLocation(program, 1, 'a_style')
  gl.linkProgram(program)
  for (const shader of shaders) gl.deleteShader(shader)
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`site layer program: ${gl.getProgramInfoLog(program)}`)
  return program
}

function vertexArraysOf(gl: GL): VertexArrays {
  if (typeof WebGL2RenderingContext !== 'undefined' && gl instanceof WebGL2RenderingContext) {
    return { create: () => gl.createVertexArray(), bind: (vao) => gl.bindVertexArray(vao), remove: (vao) => gl.deleteVertexArray(vao) }
  }
  const extension = gl.getExtension('OES_vertex_array_object')
  if (!extension) return { create: () => null, bind: () => {}, remove: () => {} }
  return {
    create: () => extension.createVertexArrayOES(),
    bind: (vao) => extension.bindVertexArrayOES(vao),
    remove: (vao) => extension.deleteVertexArrayOES(vao),
  }
}

/** Points the vertex array's two attributes at the two buffers (float32 x/y; unsigned bytes status/kind/visible). */
function describeAttributes(gl: GL, resources: SiteGlResources): void {
  gl.bindBuffer(gl.ARRAY_BUFFER, resources.positionBuffer)
  gl.enableVertexAttribArray(0)
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 8, 0)
  gl.bindBuffer(gl.ARRAY_BUFFER, resources.styleBuffer)
  gl.enableVertexAttribArray(1)
  gl.vertexAttribPointer(1, 4, gl.UNSIGNED_BYTE, false, 4, 0)
}

/** Program, buffers, vertex array and atlas texture. Call inside render(): MapLibre resets its cached state after it. */
export function createSiteGlResources(gl: GL): SiteGlResources {
  const program = link(gl)
  const vertexArrays = vertexArraysOf(gl)
  const uniforms = Object.fromEntries(UNIFORMS.map((name) => [name, gl.getUniformLocation(program, name)])) as SiteGlResources['uniforms']
  const resources: SiteGlResources = {
    program, uniforms, vertexArrays, vao: vertexArrays.create(),
    positionBuffer: gl.createBuffer(), styleBuffer: gl.createBuffer(), atlas: gl.createTexture(),
  }
  vertexArrays.bind(resources.vao)
  describeAttributes(gl, resources)
  vertexArrays.bind(null)
  return resources
}

/** Binds what a draw needs; without a vertex array object (old WebGL1) the attributes are described each time. */
export function bindSiteResources(gl: GL, resources: SiteGlResources): void {
  gl.useProgram(resources.program)
  if (resources.vao) resources.vertexArrays.bind(resources.vao)
  else describeAttributes(gl, resources)
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
  resources.vertexArrays.remove(resources.vao)
  gl.deleteBuffer(resources.positionBuffer)
  gl.deleteBuffer(resources.styleBuffer)
  gl.deleteTexture(resources.atlas)
  gl.deleteProgram(resources.program)
}
