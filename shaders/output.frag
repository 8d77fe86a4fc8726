// The network's output y-hat at every pixel of the data view: the same forward pass as the C++ core
// (src/core/network.cpp), in single precision, coloured as the CPU view colours it: white at
// y-hat = 0.5, towards blue (class 1) above and orange (class 0) below, at most 45% strength.
precision highp float;
precision highp int;
precision highp sampler2D;

uniform sampler2D u_params;  // W^1 (row-major, n_0 x n_1), b^1, W^2, b^2, ... one float per texel, 64 a row
uniform int u_layers;        // L
uniform int u_sizes[8];      // n_0 .. n_L
uniform int u_features[8];   // the feature of each input: 0 x1, 1 x2, 2 x1², 3 x2², 4 x1·x2, 5 sin x1, 6 sin x2
uniform int u_hidden;        // activations: 0 sigmoid, 1 tanh, 2 relu, 3 linear
uniform int u_output;
uniform vec2 u_plane_min;    // plane coordinates at the top left corner
uniform vec2 u_plane_max;    // and at the bottom right
in vec2 v_corner;
out vec4 frag_color;

float param(int k) { return texelFetch(u_params, ivec2(k % 64, k / 64), 0).r; }

float feature(int f, vec2 x) {
    if (f == 0) return x.x;
    if (f == 1) return x.y;
    if (f == 2) return x.x * x.x;
    if (f == 3) return x.y * x.y;
    if (f == 4) return x.x * x.y;
    if (f == 5) return sin(x.x);
    return sin(x.y);
}

float activate(int f, float z) {
    if (f == 0) return 1.0 / (1.0 + exp(-z));
    if (f == 1) return tanh(clamp(z, -15.0, 15.0));  // some GPUs give NaN for large arguments
    if (f == 2) return max(z, 0.0);
    return z;
}

void main() {
    vec2 x = mix(u_plane_min, u_plane_max, v_corner);
    float a[16];
    float next[16];
    for (int i = 0; i < 16; ++i) a[i] = i < u_sizes[0] ? feature(u_features[i % 8], x) : 0.0;
    int offset = 0;
    for (int l = 1; l <= u_layers; ++l) {
        int n_in = u_sizes[l - 1], n_out = u_sizes[l];
        int f = l == u_layers ? u_output : u_hidden;
        for (int j = 0; j < 16; ++j) {
            if (j >= n_out) break;
            // z^l_j = sum_i a^{l-1}_i w^l_ij + b^l_j
            float z = param(offset + n_in * n_out + j);
            for (int i = 0; i < 16; ++i) {
                if (i >= n_in) break;
                z += a[i] * param(offset + i * n_out + j);
            }
            next[j] = activate(f, z);
        }
        for (int j = 0; j < 16; ++j) a[j] = next[j];
        offset += n_in * n_out + n_out;
    }
    float t = clamp(2.0 * a[0] - 1.0, -1.0, 1.0) * 0.45;
    vec3 base = t >= 0.0 ? vec3(37.0, 99.0, 235.0) / 255.0 : vec3(234.0, 88.0, 12.0) / 255.0;
    frag_color = vec4(mix(vec3(1.0), base, abs(t)), 1.0);
}
