// Starts the lab: checks for WebGL 2, shows a loading state, then a clear message on failure.
"use strict";
(function () {
  const notice = document.getElementById("notice");
  const canvas = document.getElementById("canvas");

  function show(title, text) {
    notice.classList.remove("hidden");
    notice.innerHTML = "<div class='box'><h1></h1><p></p></div>";
    notice.querySelector("h1").textContent = title;
    notice.querySelector("p").textContent = text;
  }

  const storageKey = "backprop-lab-state";
  let written = "";  // the #lab= text this page last wrote or opened

  // A link in the address opens first; without one, the state autosaved in this browser.
  function restoreState() {
    const lab = window.lab;
    if (location.hash.startsWith("#lab=")) {
      const r = lab.openLink(location.href);
      if (r.ok) written = location.hash.slice(5);
      else lab._call("notice", ["This link could not be opened, so the lab starts from its defaults: " + r.error]);
      return;
    }
    let saved = null;
    try { saved = localStorage.getItem(storageKey); } catch (e) { /* storage may be off */ }
    if (saved) {
      const r = lab.openLink(saved);
      if (!r.ok) lab._call("notice", ["The lab saved in this browser could not be restored (" + r.error + "); it starts from its defaults."]);
    }
  }

  // What a change to the lab's set-up (not training progress) looks like: a new history entry.
  function setupKey(s) {
    return JSON.stringify([s.layers, s.activations, s.loss, s.learningRate, s.batchSize, s.features, s.dataset,
                           s.testFraction, s.points, s.locks]);
  }

  // The address bar and the autosave follow the lab, at most every 1.5 s. Training progress
  // replaces the current history entry; a change of settings or data adds one, so Back and Forward
  // step through the lesson's set-ups.
  function followState() {
    let key = setupKey(window.lab.state());
    setInterval(() => {
      const text = window.lab._call("shareLink", [{}]);
      if (text === written) return;
      written = text;
      const nextKey = setupKey(window.lab.state());
      if (nextKey !== key) history.pushState(null, "", "#lab=" + text);
      else history.replaceState(null, "", "#lab=" + text);
      key = nextKey;
      try { localStorage.setItem(storageKey, text); } catch (e) { /* quota or private mode */ }
    }, 1500);
    const reopen = () => {
      if (!location.hash.startsWith("#lab=") || location.hash.slice(5) === written) return;
      const r = window.lab.openLink(location.href);
      if (r.ok) {
        written = location.hash.slice(5);
        key = setupKey(window.lab.state());
      } else {
        window.lab._call("notice", ["This link could not be opened: " + r.error]);
      }
    };
    window.addEventListener("popstate", reopen);
    window.addEventListener("hashchange", reopen);
  }

  if (!document.createElement("canvas").getContext("webgl2")) {
    show("This browser cannot show the lab",
         "Backprop Lab draws with WebGL 2, which this browser or device has turned off or does not support. " +
         "Try a current Firefox, Chrome, Edge or Safari, and check that hardware acceleration is enabled.");
    window.lab._fail(new Error("WebGL 2 is not available"));
    return;
  }

  // Emscripten's MODULARIZE uses this object as the Module, so labCall appears on it.
  const config = {
    canvas,
    onFirstFrame() {
      window.lab._attach(config);
      notice.classList.add("hidden");
      canvas.focus();
      restoreState();
      followState();
      window.lab._firstFrame();
    },
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
  };
  // Paste: keep the text for ImGui, which asks for it on the key press that follows.
  document.addEventListener("paste", (event) => { config.clipboardText = event.clipboardData.getData("text"); });
  createBackpropLab(config).then((module) => window.lab._attach(module))
    .catch((error) => {
      show("The lab could not start", String(error && error.message || error));
      window.lab._fail(error);
    });
})();
