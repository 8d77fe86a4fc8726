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
