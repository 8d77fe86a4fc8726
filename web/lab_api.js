// window.lab: the lab's browser API (see README). Every call goes to the C++ lab as JSON.
"use strict";
(function () {
  let module = null;
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });

  function call(method, args) {
    if (!module) throw new Error("the lab is still loading: await lab.ready first");
    let text;
    try {
      text = JSON.stringify(args || []);
    } catch (e) {  // e.g. a cycle, or nesting deeper than the browser's stack
      return { ok: false, error: "the arguments cannot be sent to the lab: " + e.message };
    }
    return JSON.parse(module.labCall(method, text));
  }

  window.lab = {
    ready,
    state: () => call("state"),
    configure: (settings) => call("configure", [settings]),
    // Non-finite numbers would become null in JSON; send them as text so the lab rejects them.
    train: (n) => call("train", [n === undefined ? 1 : Number.isFinite(n) || typeof n !== "number" ? n : String(n)]),
    gradients: () => call("gradients"),
    play: (on) => call("play", [on === undefined ? true : on]),
    reset: () => call("reset"),
    setSpeed: (stepsPerSecond) => call("setSpeed", [stepsPerSecond]),
    chainRule: (l, i, j) => call("chainRule", [l, i, j]),
    select: (parameter) => call("select", [parameter]),
    inspect: (sample) => call("inspect", [sample]),
    selection: () => call("selection"),
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
    predict: (x1, x2) => call("predict", [x1, x2]),
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
    stats: () => call("stats"),
    // A message across the top of the lab ("" clears it): {ok, error}.
    notice: (text) => call("notice", [text]),
  };

  // Called by boot.js.
  window.lab._attach = (m) => { module = m; };
  window.lab._call = call;
  window.lab._firstFrame = () => {
    window.lab.firstFrameMs = performance.now();  // since navigation started
    resolveReady(window.lab);
  };
  window.lab._fail = (error) => rejectReady(error);
})();
