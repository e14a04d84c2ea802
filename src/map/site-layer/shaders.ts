// GLSL ES 1.00 runs on both the WebGL2 and the WebGL1 context MapLibre may hand us. Both stages use highp where
// the fragment stage has it: uniforms shared by the two stages must be declared with the same precision.

/**
 * One point sprite per site (or per aggregated bin). a_style holds the bytes of the style buffer: status, kind,
 * visible, and a bin's diameter. Hidden sites are
 * moved outside the clip volume, which costs one vertex each and no fragments.
 */
export const VERTEX_SHADER = `
precision highp float;
attribute vec2 a_pos;
attribute vec4 a_style;
uniform mat4 u_matrix;
uniform vec3 u_colors[5];
uniform float u_merchant_px;
uniform float u_symbol_px;
uniform float u_highlight;
uniform float u_highlight_px;
uniform float u_halo_px;
uniform float u_pixel_ratio;
varying vec3 v_color;
varying float v_kind;
varying float v_size;
void main() {
  if (a_style.z < 0.5) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  v_color = u_colors[int(a_style.x + 0.5)];
  v_kind = a_style.y;
  // a_style.w > 0: an aggregated bin, sized by its count (CSS px); otherwise a site, sized by its kind (plus the
  // selection halo's width when drawing the halo).
  float kindSize = (a_style.y < 0.5 ? u_merchant_px : u_symbol_px) + u_halo_px;
  v_size = u_highlight > 0.5 ? u_highlight_px : (a_style.w > 0.5 ? a_style.w * u_pixel_ratio : kindSize);
  gl_PointSize = v_size;
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
}
`

/**
 * Which fragment program: round dots (merchants and bins), icons (the other kinds), the ring of the selected site,
 * or a plain disc in one colour (the halo of a box or lasso selection).
 */
export type FragmentVariant = 'DOT' | 'ICON' | 'RING' | 'DISC'

/**
 * Merchants (kind 0) and bins are round dots with a white stroke, computed here; the other kinds sample their icon's
 * mask from the atlas, drawn twice: full size in white (the halo) and shrunk in the status colour; the selected site
 * has a ring, a box or lasso selection discs behind its sites. One program per variant: software WebGL runs both sides of a branch, so the many dots never pay for icons.
 * Output is premultiplied, as MapLibre's blend function expects.
 */
export function fragmentShader(variant: FragmentVariant): string {
  return `#define ${variant}
${FRAGMENT_BODY}`
}

const FRAGMENT_BODY = `
#ifdef GL_FRAGMENT_PRECISION_HIGH
precision highp float;
#else
precision mediump float;
#endif
uniform sampler2D u_atlas;
uniform vec2 u_atlas_cell;
uniform vec2 u_atlas_pad;
uniform float u_atlas_stride;
uniform float u_merchant_fill;
uniform float u_ring_inner;
uniform vec3 u_highlight_color;
varying vec3 v_color;
varying float v_kind;
varying float v_size;
const float HALO = 0.78;

float iconMask(vec2 p) {
  if (p.x < 0.0 || p.x > 1.0 || p.y < 0.0 || p.y > 1.0) return 0.0;
  vec2 uv = vec2(floor(v_kind + 0.5) * u_atlas_stride, 0.0) + u_atlas_pad + p * u_atlas_cell;
  return texture2D(u_atlas, uv).a;
}

void main() {
  vec2 p = gl_PointCoord;
  float d = length(p * 2.0 - 1.0);
  float edge = 2.0 / max(v_size, 1.0);
#if defined(RING)
  float alpha = smoothstep(u_ring_inner - edge, u_ring_inner, d) * (1.0 - smoothstep(1.0 - edge, 1.0, d));
  vec3 color = u_highlight_color;
#elif defined(DISC)
  float alpha = 1.0 - smoothstep(1.0 - edge, 1.0, d);
  vec3 color = u_highlight_color;
#elif defined(ICON)
  float alpha = iconMask(p);
  vec3 color = mix(vec3(1.0), v_color, iconMask((p - 0.5) / HALO + 0.5));
#else
  float alpha = 1.0 - smoothstep(1.0 - edge, 1.0, d);
  vec3 color = mix(v_color, vec3(1.0), smoothstep(u_merchant_fill - edge, u_merchant_fill, d));
#endif
  if (alpha < 0.02) discard;
  gl_FragColor = vec4(color * alpha, alpha);
}
`
