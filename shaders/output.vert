// The data view's output quad: a rectangle given in framebuffer pixels, drawn as a 4-vertex strip
// with no vertex buffer; v_corner runs from (0, 0) at the top left to (1, 1) at the bottom right.
uniform vec4 u_rect;         // min.x, min.y, max.x, max.y in framebuffer pixels, y down
uniform vec2 u_framebuffer;  // framebuffer size in pixels
out vec2 v_corner;

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    vec2 pixel = mix(u_rect.xy, u_rect.zw, corner);
    v_corner = corner;
    gl_Position = vec4(pixel.x / u_framebuffer.x * 2.0 - 1.0, 1.0 - pixel.y / u_framebuffer.y * 2.0, 0.0, 1.0);
}
