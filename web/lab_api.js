// window.lab: the lab's browser API (see README). Every call goes to the C++ lab as JSON.
"use strict";
(function () {
  let module = null;
  let stopped = false;  // the WebAssembly trapped: nothing more can run
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });

  function call(method, args) {
    if (!module) throw new Error("the lab is still loading: await lab.ready first");
    let text;
    try {
      // A lone surrogate (half of a UTF-16 pair) has no UTF-8 form: it becomes U+FFFD, so the lab
      // can name the cell that holds it instead of refusing the whole call.
      text = JSON.stringify(args || [], (key, value) =>
        typeof value === "string" && value.toWellFormed ? value.toWellFormed() : value);
    } catch (e) {  // e.g. a cycle, or nesting deeper than the browser's stack
      return { ok: false, error: "the arguments cannot be sent to the lab: " + e.message };
    }
    if (stopped) return { ok: false, error: "the lab has stopped after an internal error: reload the page" };
    try {
      return JSON.parse(module.labCall(method, text));
    } catch (e) {
      if (!(e instanceof WebAssembly.RuntimeError)) throw e;
      window.lab._halt(e);
      return { ok: false, error: "the lab has stopped after an internal error: reload the page" };
    }
  }

  // NaN and the infinities would arrive as null in JSON, which some calls read as "no argument":
  // they are sent as text, so the lab refuses them.
  const sendable = (x) => (typeof x === "number" && !Number.isFinite(x) ? String(x) : x);

  window.lab = {
    ready,
    state: () => call("state"),
    configure: (settings) => call("configure", [settings]),
    train: (n) => call("train", n === undefined ? [] : [sendable(n)]),
    gradients: () => call("gradients"),
    play: (on) => call("play", on === undefined ? [] : [sendable(on)]),
    reset: () => call("reset"),
    setSpeed: (stepsPerSecond) => call("setSpeed", [stepsPerSecond]),
    chainRule: (l, i, j) => call("chainRule", [l, i, j]),
    select: (parameter) => call("select", [parameter]),
    inspect: (sample) => call("inspect", [sample]),
    selection: () => call("selection"),
    setParameter: (parameter, value) => call("setParameter", [parameter, sendable(value)]),
    display: (options) => call("display", [options]),
    landscape: (spec) => call("landscape", [spec]),
    phase: () => call("phase"),
    pass: () => call("pass"),
    stepEpoch: () => call("stepEpoch"),
    layout: () => call("layout"),
    points: () => call("points"),
    addPoint: (point) => call("addPoint", [point]),
    movePoint: (index, point) => call("movePoint", [index, point]),
    removePoint: (index) => call("removePoint", [index]),
    undo: () => call("undo"),
    redo: () => call("redo"),
    importCsv: (text) => call("importCsv", [text]),
    exportCsv: () => call("exportCsv"),
    predict: (x1, x2) => call("predict", [sendable(x1), sendable(x2)]),
    // A neuron's activation over an n x n grid of the plane (layer 0: the inputs): {ok, error, values}.
    neuronMap: (layer, j, n) => call("neuronMap", [sendable(layer), sendable(j), sendable(n)]),
    // The link of the current state; {start: true} for the starting point (initial weights).
    shareLink: (options) => {
      const payload = call("shareLink", [options || {}]);
      if (typeof payload !== "string") throw new Error(payload.error);
      return location.origin + location.pathname + location.search + "#lab=" + payload;
    },
    // Opens a link (a whole URL, or the text after #lab=); a bad link changes nothing: {ok, error}.
    openLink: (link) => call("openLink", [String(link)]),
    resetDefaults: () => call("resetDefaults"),
    exportWeights: () => call("exportWeights"),           // JSON text: settings, weights, biases
    importWeights: (text) => call("importWeights", [text]), // {ok, error}; nothing changes on error
    exportHistory: () => call("exportHistory"),           // CSV text: step,training_loss,test_loss
    stats: (options) => call("stats", options === undefined ? [] : [options]),
    // A message across the top of the lab ("" clears it): {ok, error}.
    notice: (text) => call("notice", [text]),
    // Text and the network drawing at 1 (100 %) to 2 (200 %): {ok, error}.
    setTextScale: (scale) => call("setTextScale", [sendable(scale)]),
    // Presenter mode (controls hidden, network and data enlarged) on or off: {ok, error}.
    presenter: (on) => call("presenter", [on]),
    // The view a phone shows, or the panel tab elsewhere: "network", "loss", "inspector", "controls".
    showView: (name) => call("showView", [name]),
    // The link as a QR code over the lab: {start: true} for the starting point; false closes it.
    showQr: (options) => call("showQr", options === undefined ? [] : [options]),
    // Lessons (docs/LESSONS.md). The built-in ones: [{name, title, steps}].
    lessons: () => call("lessons"),
    // Opens a built-in lesson by name, or a lesson file's text, at a step (from 1): {ok, error, step}.
    // {keepLab: true} takes the lesson up on the lab as it is (a reload) instead of setting it up.
    openLesson: (textOrName, step, options) =>
      call("openLesson", options !== undefined ? [textOrName, sendable(step === undefined ? 1 : step), options]
                         : step === undefined ? [textOrName] : [textOrName, sendable(step)]),
    // The open lesson: its step, text, tasks (done or not) and question; {open: false} without one.
    // {text: true} adds the lesson file's text as `source`.
    lesson: (options) => call("lesson", options === undefined ? [] : [options]),
    lessonNext: () => call("lessonNext"),
    lessonBack: () => call("lessonBack"),
    closeLesson: () => call("closeLesson"),
    // Answers the step's question (a number, or a choice's text): {ok, correct, expected, tolerance, error}.
    answer: (value) => call("answer", [sendable(value)]),
  };

  // Called by boot.js.
  window.lab._attach = (m) => { module = m; };
  window.lab._call = call;
  // The WebAssembly trapped (boot.js shows what happened): every later call says so.
  window.lab._halt = (error) => {
    stopped = true;
    if (window.lab._stop) window.lab._stop(error);
  };
  // The first frame is drawn and the saved lab, link or lesson restored: ready once the lab has drawn
  // what was restored, its layout the same two frames running, so that a tap aimed from layout()
  // lands where the user sees it. At most a second of frames: a view that keeps moving does not
  // hold the lab back.
  window.lab._firstFrame = () => {
    window.lab.firstFrameMs = performance.now();  // since navigation started
    let last = null, frames = 0;
    const check = () => {
      const now = JSON.stringify(call("layout"));
      if (now === last || ++frames >= 60) resolveReady(window.lab);
      else requestAnimationFrame(check);
      last = now;
    };
    requestAnimationFrame(check);
  };
  window.lab._fail = (error) => rejectReady(error);
})();
