/** MapLibre hands custom layers its context: WebGL2 normally, WebGL1 where the browser has nothing better. */
export type GL = WebGLRenderingContext | WebGL2RenderingContext

/** Binding and unbinding our own vertex array, so we never rewrite the attribute pointers of one MapLibre has bound. */
export interface VertexArrays {
  create(): WebGLVertexArrayObject | null
  bind(vao: WebGLVertexArrayObject | null): void
  remove(vao: WebGLVertexArrayObject | null): void
}

function compile(gl: GL, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!
  gl.shaderSource(shader, source)
  gl.compileShader(shader)
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`site layer shader: ${gl.getShaderInfoLog(shader)}`)
  return shader
}

/** Compiles and links a program; attributes get locations 0, 1, … in the order given, so vertex arrays match. */
export function compileProgram(gl: GL, vertexSource: string, fragmentSource: string, attributes: string[]): WebGLProgram {
  const program = gl.createProgram()
  const shaders = [compile(gl, gl.VERTEX_SHADER, vertexSource), compile(gl, gl.FRAGMENT_SHADER, fragmentSource)]
  for (const shader of shaders) gl.attachShader(program, shader)
  attributes.forEach((name, location) => gl.bindAttribLocation(program, location, name))
  gl.linkProgram(program)
  for (const shader of shaders) gl.deleteShader(shader)
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`site layer program: ${gl.getProgramInfoLog(program)}`)
  return program
}

export function isWebGL2(gl: GL): gl is WebGL2RenderingContext {
  return typeof WebGL2RenderingContext !== 'undefined' && gl instanceof WebGL2RenderingContext
}

export function vertexArraysOf(gl: GL): VertexArrays {
  if (isWebGL2(gl)) {
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

/** Points an attribute location at a buffer (the attribute's values packed with the given stride). */
export function bindAttribute(gl: GL, buffer: WebGLBuffer, location: number, size: number, type: number, strideBytes: number): void {
  gl.bindBuffer(gl.ARRAY_BUFFER, buffer)
  gl.enableVertexAttribArray(location)
  gl.vertexAttribPointer(location, size, type, false, strideBytes, 0)
}
