// Reads a TensorFlow Playground link's address (#activation=tanh&batchSize=10&dataset=circle&...) as
// the lab's settings: what lab.configure() and lab.display() take, or the keys that cannot be
// mapped, each named with its value and why. Pure: no page, no lab, nothing evaluated; boot.js
// applies the answer (README, "Links from TensorFlow Playground").
//
// The Playground writes its whole state into the address as key=value pairs joined by "&". A key
// the lab has (activation, learningRate, batchSize, dataset, networkShape, regularization and its
// rate, noise, percTrainData, the inputs, showTestData, discretize) is read as the Playground means
// it; one that only changes the Playground's page (collectStats, hideText, tutorial, a control
// hidden with <name>_hide) is passed over; the seed is passed over too, since the lab's own
// generator would draw different data and weights from it. Anything else, or a value the lab has
// no match for, is refused by name, and then nothing at all is taken from the link.

// Longer than any Playground link (its full state is about 400 characters): a longer address is
// not read at all.
export const maxPlaygroundChars = 2048;

// The Playground's inputs in its order, which is also the lab's order of features.
const inputs = [
  ["x", "x1"], ["y", "x2"], ["xSquared", "x1sq"], ["ySquared", "x2sq"], ["xTimesY", "x1x2"], ["sinX", "sinx1"], ["sinY", "sinx2"],
];
// Playground's inputs the lab does not have: only "off" is taken.
const missingInputs = new Set(["cosX", "cosY"]);
// Keys that change only how the Playground's page looks (or its seed, see above).
const passedOver = new Set(["collectStats", "hideText", "tutorial", "seed", "regDataset"]);

const activations = new Set(["tanh", "relu", "sigmoid", "linear"]);
const datasets = new Set(["circle", "xor", "gauss", "spiral"]);
const regularizations = new Map([["none", "none"], ["L1", "l1"], ["L2", "l2"]]);

const known = new Set(["activation", "learningRate", "batchSize", "dataset", "networkShape", "regularization",
  "regularizationRate", "noise", "percTrainData", "problem", "initZero", "showTestData", "discretize",
  ...inputs.map(([key]) => key), ...missingInputs, ...passedOver]);

const decimal = /^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

// A value as the refusal quotes it: at most 40 characters.
const shown = (text) => (text.length > 40 ? text.slice(0, 39) + "\u2026" : text);

// The pairs of an address's text after "#", or null when it is not key=value pairs joined by "&".
function pairs(text) {
  const out = [];
  for (const part of text.split("&")) {
    if (part === "") continue;  // "&&", or a "&" at either end
    const at = part.indexOf("=");
    if (at <= 0) return null;
    let key, value;
    try {
      key = decodeURIComponent(part.slice(0, at));
      value = decodeURIComponent(part.slice(at + 1));
    } catch (error) {  // a stray % that is no escape
      key = part.slice(0, at);
      value = part.slice(at + 1);
    }
    out.push([key, value]);
  }
  return out;
}

// Whether the address (location.hash, with its "#") looks like a Playground link: key=value pairs
// of which at least one is a Playground setting. An address over the limit counts as one when it
// begins like one, so that it is refused as too long rather than as unknown.
export function isPlaygroundLink(hash) {
  const text = hash.replace(/^#/, "");
  const read = pairs(text.length > maxPlaygroundChars ? text.slice(0, 200).replace(/&[^&]*$/, "") : text);
  return read !== null && read.some(([key]) => known.has(key) && !passedOver.has(key) || key.endsWith("_hide"));
}

// The settings a Playground link asks for. inputCount: the lab's number of input features now (the
// network's first layer when the link names no inputs). The answer: {refused: [text, ...]} naming
// each key that cannot be mapped (nothing may be applied then), or {refused: [], settings (for
// lab.configure), display (for lab.display, or null), read: [text, ...] (what was set, in words)}.
export function readPlaygroundLink(hash, inputCount) {
  const text = hash.replace(/^#/, "");
  if (text.length > maxPlaygroundChars)
    return { refused: ["the link is " + text.length + " characters long, more than the " + maxPlaygroundChars +
                       " a Playground link ever needs, so none of it was read"] };
  const refused = [];
  const settings = {}, display = {}, features = new Map(inputs.map(([key, name]) => [key, key === "x" || key === "y"]));
  let anyInput = false, shape = null, regularization = null;
  const seen = new Set();
  const number = (key, value) => {
    if (decimal.test(value) && Number.isFinite(Number(value))) return Number(value);
    refused.push(key + "=" + shown(value) + ": not a number");
    return null;
  };
  const yesNo = (key, value) => {
    if (value === "true" || value === "false") return value === "true";
    refused.push(key + "=" + shown(value) + ": neither true nor false");
    return null;
  };
  const given = pairs(text);
  if (given === null) return { refused: ["the link is not a list of key=value settings joined by &"] };
  for (const [key, value] of given) {
    if (seen.has(key)) { refused.push(shown(key) + " is given twice"); continue; }
    seen.add(key);
    const quoted = shown(key) + "=" + shown(value);
    if (passedOver.has(key) || key.endsWith("_hide")) continue;
    if (!known.has(key)) { refused.push(quoted + ": not a setting of TensorFlow Playground the lab knows"); continue; }
    if (features.has(key)) {
      const on = yesNo(key, value);
      if (on !== null) { features.set(key, on); anyInput = true; }
    } else if (missingInputs.has(key)) {
      if (yesNo(key, value) === true) refused.push(quoted + ": the lab has no cosine input (it has x\u2081, x\u2082, x\u2081\u00b2, " +
                                                   "x\u2082\u00b2, x\u2081x\u2082, sin x\u2081 and sin x\u2082)");
    } else if (key === "activation") {
      if (activations.has(value)) settings.activations = { hidden: value };
      else refused.push(quoted + ": the lab has tanh, ReLU, sigmoid and linear");
    } else if (key === "learningRate") {
      const v = number(key, value);
      if (v !== null) settings.learningRate = v;
    } else if (key === "batchSize") {
      const v = number(key, value);
      if (v !== null && Number.isInteger(v)) settings.batchSize = v;
      else if (v !== null) refused.push(quoted + ": a batch is a whole number of points");
    } else if (key === "dataset") {
      if (datasets.has(value)) settings.dataset = value;
      else refused.push(quoted + ": the lab's data sets are circle, xor, gauss and spiral");
    } else if (key === "networkShape") {
      const sizes = value === "" ? [] : value.split(",");
      if (sizes.length <= 16 && sizes.every((s) => /^\d{1,4}$/.test(s))) shape = sizes.map(Number);
      else refused.push(quoted + ": not a list of hidden layer sizes like 4,2");
    } else if (key === "regularization") {
      if (regularizations.has(value)) regularization = { ...regularization, kind: regularizations.get(value) };
      else refused.push(quoted + ": the lab has none, L1 and L2");
    } else if (key === "regularizationRate") {
      const v = number(key, value);
      if (v !== null) regularization = { ...regularization, rate: v };
    } else if (key === "noise") {  // the Playground's percent of the data's extent; the lab's share of the plane's
      const v = number(key, value);
      if (v !== null) settings.noise = v / 100;
    } else if (key === "percTrainData") {  // the percent kept for training; the lab holds out the rest
      const v = number(key, value);
      if (v !== null) settings.testFraction = (100 - v) / 100;
    } else if (key === "problem") {
      if (value === "regression")
        refused.push(quoted + ": the lab's regression data is a curve over x\u2081, not the Playground's regression data sets");
      else if (value !== "classification") refused.push(quoted + ": the Playground's problems are classification and regression");
    } else if (key === "initZero") {
      if (yesNo(key, value) === true) refused.push(quoted + ": the lab starts from random weights drawn from its seed");
    } else if (key === "showTestData") {
      const on = yesNo(key, value);
      if (on !== null) display.showTestPoints = on;
    } else if (key === "discretize") {
      const on = yesNo(key, value);
      if (on !== null) display.discretize = on;
    }
  }
  if (refused.length) return { refused };
  if (anyInput) {
    settings.features = inputs.filter(([key]) => features.get(key)).map(([, name]) => name);
    if (settings.features.length === 0) return { refused: ["no input is on (x, y, xSquared, ... all false)"] };
  }
  // The Playground leaves regularization out of its link when it is none.
  if (regularization) settings.regularization = { kind: "none", ...regularization };
  if (shape) settings.layers = [settings.features ? settings.features.length : inputCount, ...shape, 1];
  return { refused, settings, display: Object.keys(display).length ? display : null, read: describe(settings, display) };
}

// The lab's features as its views write them.
const shownInput = { x1: "x\u2081", x2: "x\u2082", x1sq: "x\u2081\u00b2", x2sq: "x\u2082\u00b2", x1x2: "x\u2081x\u2082",
                     sinx1: "sin x\u2081", sinx2: "sin x\u2082" };

// What was set, in words, for the notice.
function describe(s, display) {
  const read = [];
  if (s.layers) read.push(s.layers.length > 2 ? "hidden layers of " + s.layers.slice(1, -1).join(", ") + " neurons" : "no hidden layer");
  if (s.activations) read.push(s.activations.hidden + " in the hidden layers");
  if (s.features) read.push("inputs " + s.features.map((name) => shownInput[name]).join(", "));
  if (s.dataset) read.push("the " + s.dataset + " data");
  if (s.noise !== undefined) read.push("noise " + s.noise);
  if (s.testFraction !== undefined) read.push(Math.round(s.testFraction * 100) + " % test points");
  if (s.learningRate !== undefined) read.push("learning rate " + s.learningRate);
  if (s.batchSize !== undefined) read.push("batches of " + s.batchSize);
  if (s.regularization) read.push(s.regularization.kind === "none" ? "no regularization"
    : s.regularization.kind.toUpperCase() + " regularization" + (s.regularization.rate !== undefined ? " at " + s.regularization.rate : ""));
  if (display.discretize !== undefined || display.showTestPoints !== undefined) read.push("its display options");
  return read;
}
