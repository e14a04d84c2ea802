import { bindAttribute, compileProgram, type GL, type VertexArrays } from './gl-program'
import type { CachePlan } from './site-cache'

const QUAD_VERTEX = `
precision highp float;
attribute vec2 a_corner;
uniform mat4 u_matrix;
uniform vec4 u_box;
varying vec2 v_uv;
void main() {
  // a_corner is (0,0) north-west .. (1,1) south-east; the texture's top row (v = 1) is the north.
  v_uv = vec2(a_corner.x, 1.0 - a_corner.y);
  gl_Position = u_matrix * vec4(mix(u_box.xy, u_box.zw, a_corner), 0.0, 1.0);
}
`

const QUAD_FRAGMENT = `
precision mediump float;
uniform sampler2D u_texture;
varying vec2 v_uv;
void main() {
  // Premultiplied already: the sites were blended into a transparent texture with MapLibre's blend function.
  gl_FragColor = texture2D(u_texture, v_uv);
}
`

/** The texture the sites are drawn into, its framebuffer, and the program that draws it as one quad. */
export interface CacheGl {
  program: WebGLProgram
  matrix: WebGLUniformLocation | null
  box: WebGLUniformLocation | null
  texture: WebGLTexture
  framebuffer: WebGLFramebuffer
  cornerBuffer: WebGLBuffer
  vao: WebGLVertexArrayObject | null
  widthPx: number
  heightPx: number
}

function describeCorners(gl: GL, cache: CacheGl): void {
  bindAttribute(gl, cache.cornerBuffer, 0, 2, gl.FLOAT, 8)
}

export function createCacheGl(gl: GL, vertexArrays: VertexArrays): CacheGl {
  const program = compileProgram(gl, QUAD_VERTEX, QUAD_FRAGMENT, ['a_corner'])
  const cache: CacheGl = {
    program, matrix: gl.getUniformLocation(program, 'u_matrix'), box: gl.getUniformLocation(program, 'u_box'),
    texture: gl.createTexture(), framebuffer: gl.createFramebuffer(), cornerBuffer: gl.createBuffer(),
    vao: vertexArrays.create(), widthPx: 0, heightPx: 0,
  }
  gl.bindBuffer(gl.ARRAY_BUFFER, cache.cornerBuffer)
  gl.bufferData(gl.ARRAY_BUFFER, Float32Array.of(0, 0, 1, 0, 0, 1, 1, 1), gl.STATIC_DRAW)
  vertexArrays.bind(cache.vao)
  describeCorners(gl, cache)
  vertexArrays.bind(null)
  return cache
}

/** Binds the framebuffer sized for the plan (reallocating the texture only when the size changes) and clears it. */
export function bindCacheTarget(gl: GL, cache: CacheGl, plan: CachePlan): void {
  gl.bindTexture(gl.TEXTURE_2D, cache.texture)
  if (cache.widthPx !== plan.widthPx || cache.heightPx !== plan.heightPx) {
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, plan.widthPx, plan.heightPx, 0, gl.RGBA, gl.UNSIGNED_BYTE, null)
    // Texels are the screen's pixels at this zoom, shifted by a fraction while panning: nearest is sharp enough,
    // and software WebGL samples it at a quarter of the cost of linear filtering.
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST)
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST)
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE)
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE)
    gl.bindFramebuffer(gl.FRAMEBUFFER, cache.framebuffer)
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, cache.texture, 0)
    cache.widthPx = plan.widthPx
    cache.heightPx = plan.heightPx
  }
  gl.bindFramebuffer(gl.FRAMEBUFFER, cache.framebuffer)
  gl.viewport(0, 0, plan.widthPx, plan.heightPx)
  gl.clearColor(0, 0, 0, 0)
  gl.clear(gl.COLOR_BUFFER_BIT)
}

/** Draws the texture over its area of the map (matrix: the anchored map matrix). */
export function drawCacheQuad(gl: GL, cache: CacheGl, vertexArrays: VertexArrays, plan: CachePlan, matrix: Float32Array): void {
  gl.useProgram(cache.program)
  if (cache.vao) vertexArrays.bind(cache.vao)
  else describeCorners(gl, cache)
  gl.uniformMatrix4fv(cache.matrix, false, matrix)
  gl.uniform4f(cache.box, plan.box.minX, plan.box.minY, plan.box.maxX, plan.box.maxY)
  gl.activeTexture(gl.TEXTURE0)
  gl.bindTexture(gl.TEXTURE_2D, cache.texture)
  gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4)
  vertexArrays.bind(null)
}

export function deleteCacheGl(gl: GL, cache: CacheGl, vertexArrays: VertexArrays): void {
  vertexArrays.remove(cache.vao)
  gl.deleteBuffer(cache.cornerBuffer)
  gl.deleteTexture(cache.texture)
  gl.deleteFramebuffer(cache.framebuffer)
  gl.deleteProgram(cache.program)
}
