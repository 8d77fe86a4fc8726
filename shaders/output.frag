// One neuron's activation a^l_j at every pixel of a quad: the network's output y-hat behind the data
// view's points (l = L, j = 0), or a neuron's map in the network view (any l, l = 0 the inputs). The
// same forward pass as the C++ core (src/core/network.cpp, core/neuron_map.cpp), in single precision,
// up to layer l only, coloured as the CPU colours it (app/ui/map_shade.h): t = clamp(gain a + offset,
// -1, 1), white at 0, towards blue above and orange below, at most OUTPUT_TINT strength. For the
// output, gain 2 and offset -1: white at y-hat = 0.5, the decision boundary.
precision highp float;
precision highp int;
precision highp sampler2D;

// The upper-case constants come from the C++ that compiles this shader (output_renderer.cpp writes
// them in front of it from the core's own limits and enums), so the two sides cannot disagree.
uniform sampler2D u_params;  // W^1 (row-major, n_0 x n_1), b^1, W^2, b^2, ... one float per texel, PARAMS_PER_ROW a row
uniform int u_layers;        // L
uniform int u_sizes[MAX_SIZES];     // n_0 .. n_L
uniform int u_features[MAX_INPUTS]; // the feature of each input (FEATURE_*)
uniform int u_hidden;        // activations (ACTIVATION_*)
uniform int u_output;
uniform vec2 u_plane_min;    // plane coordinates at the top left corner
uniform vec2 u_plane_max;    // and at the bottom right
uniform int u_layer;         // l, the layer of the neuron drawn (0 = the inputs, L = the output)
uniform int u_neuron;        // j, 0-based
uniform vec2 u_shade;        // gain, offset: t = gain * a + offset
uniform int u_round;         // 1: only the disc inscribed in the quad (a neuron's circle)
in vec2 v_corner;
out vec4 frag_color;

float param(int k) { return texelFetch(u_params, ivec2(k % PARAMS_PER_ROW, k / PARAMS_PER_ROW), 0).r; }

float feature(int f, vec2 x) {
    if (f == FEATURE_X1) return x.x;
    if (f == FEATURE_X2) return x.y;
    if (f == FEATURE_X1_SQ) return x.x * x.x;
    if (f == FEATURE_X2_SQ) return x.y * x.y;
    if (f == FEATURE_X1_X2) return x.x * x.y;
    if (f == FEATURE_SIN_X1) return sin(x.x);
    return sin(x.y);  // FEATURE_SIN_X2
}

float activate(int f, float z) {
    if (f == ACTIVATION_SIGMOID) return 1.0 / (1.0 + exp(-z));
    if (f == ACTIVATION_TANH) return tanh(clamp(z, -15.0, 15.0));  // some GPUs give NaN for large arguments
    if (f == ACTIVATION_RELU) return max(z, 0.0);
    return z;  // ACTIVATION_LINEAR
}

void main() {
    if (u_round == 1 && length(v_corner - vec2(0.5)) > 0.5) discard;
    vec2 x = mix(u_plane_min, u_plane_max, v_corner);
    float a[MAX_WIDTH];
    float next[MAX_WIDTH];
    for (int i = 0; i < MAX_WIDTH; ++i) a[i] = i < u_sizes[0] ? feature(u_features[i % MAX_INPUTS], x) : 0.0;
    int offset = 0;
    for (int l = 1; l <= u_layer; ++l) {
        int n_in = u_sizes[l - 1], n_out = u_sizes[l];
        int f = l == u_layers ? u_output : u_hidden;
        for (int j = 0; j < MAX_WIDTH; ++j) {
            if (j >= n_out) break;
            // z^l_j = sum_i a^{l-1}_i w^l_ij + b^l_j
            float z = param(offset + n_in * n_out + j);
            for (int i = 0; i < MAX_WIDTH; ++i) {
                if (i >= n_in) break;
                z += a[i] * param(offset + i * n_out + j);
            }
            next[j] = activate(f, z);
        }
        for (int j = 0; j < MAX_WIDTH; ++j) a[j] = next[j];
        offset += n_in * n_out + n_out;
    }
    float value = 0.0;
    for (int j = 0; j < MAX_WIDTH; ++j)
        if (j == u_neuron) value = a[j];
    float t = clamp(u_shade.x * value + u_shade.y, -1.0, 1.0) * OUTPUT_TINT;
    vec3 base = t >= 0.0 ? POSITIVE_RGB : NEGATIVE_RGB;
    frag_color = vec4(mix(vec3(1.0), base, abs(t)), 1.0);
}
