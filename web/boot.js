// Starts the lab: checks for WebGL 2, shows a loading state, then a clear message on failure.
// Once the first frame is drawn, autosave.js opens the right lab and keeps it saved.
//
// The page's last module: lab_api.js (window.lab) and the modules it imports below have all run
// before it. createBackpropLab is the global that Emscripten's glue defines (backprop_lab.js, a
// classic script, run while the page was read, before any module).
import { lab } from "./lab_api.js";
import { lessons } from "./lessons.js";
import { autosave } from "./autosave.js";
import { foreignInAddress, clearAddress } from "./address.js";
import { isPlaygroundLink, readPlaygroundLink } from "./playground_link.js";

const notice = document.getElementById("notice");
const canvas = document.getElementById("canvas");

function show(title, text) {
  notice.classList.remove("hidden");
  notice.innerHTML = "<div class='box'><h1></h1><p></p></div>";
  notice.querySelector("h1").textContent = title;
  notice.querySelector("p").textContent = text;
}

// The canvas is the lab's: its right click removes a point, so no browser menu there.
canvas.addEventListener("contextmenu", (event) => event.preventDefault());

// Keys typed in the page's HTML controls (Recent labs, the save bar) are theirs, not the lab's:
// GLFW listens on the whole window, so without this Space on a button would also press Play.
// Registered before the lab starts, so it runs before GLFW's listeners; the key's default action
// (Tab moves on, Enter and Space press the button, Escape closes the list) still happens.
for (const type of ["keydown", "keypress", "keyup"]) {
  window.addEventListener(type, (event) => {
    if (event.target instanceof Element && event.target.closest(".page-ui")) event.stopImmediatePropagation();
  }, true);
}

if (document.createElement("canvas").getContext("webgl2")) {
  start();
} else {
  show("This browser cannot show the lab",
       "Backprop Lab draws with WebGL 2, which this browser or device has turned off or does not support. " +
       "Try a current Firefox, Chrome, Edge or Safari, and check that hardware acceleration is enabled.");
  lab._fail(new Error("WebGL 2 is not available"));
}

// An address the lab does not make (anything after "#" but #lab= and #lesson=): a TensorFlow
// Playground link sets the lab as far as it maps onto it, all or nothing; anything else is named
// and nothing is read from it. Either way a notice says so and the lab's own link takes its place
// in the address bar. shown: what the lab is, "saved", "link" or "defaults" at the start (autosave),
// "open" when the address changed while the lab was open.
function openForeign(shown) {
  const hash = foreignInAddress();
  if (hash === null) return;
  const quoted = "\u201c" + (hash.length > 60 ? hash.slice(0, 59) + "\u2026" : hash) + "\u201d";
  const where = { saved: "this is the lab saved in this browser", link: "this is the lab of the link",
                   defaults: "the lab starts from its defaults", open: "the lab has not changed" }[shown];
  let text;
  if (!isPlaygroundLink(hash)) {
    text = "The address ends in " + quoted + ", which is not a Backprop Lab link (those begin #lab= or #lesson=), " +
           "so nothing was read from it: " + where + ".";
  } else {
    const read = readPlaygroundLink(hash, lab.state().features.length);
    if (!read.refused.length) quietly(autosave.keepBeforeChange);
    const r = read.refused.length ? { ok: false } : lab.configure(read.settings);
    if (r.ok) {
      if (read.display) lab.display(read.display);
      text = "The lab was set from a TensorFlow Playground link: " + (read.read.join(", ") || "nothing to change") +
             ". The lab keeps its own seed, output neuron and loss.";
    } else {
      text = "This TensorFlow Playground link was not used, so " + where + ": " +
             (read.refused.length ? read.refused.join("; ") : lab._reason(r)) + ".";
    }
  }
  if (!quietly(autosave.showInAddress)) clearAddress();  // without the autosave, the address at least leaves
  const earlier = shown === "open" ? "" : lab.state().notice;  // e.g. a saved lab that could not be opened
  const all = Array.from(earlier ? earlier + " " + text : text), most = lab._limits.noticeChars;
  lab.notice(all.length > most ? all.slice(0, most - 1).join("") + "\u2026" : all.join(""));
}

// Runs a step of the autosave, which may not have started: whether it ran.
function quietly(step) {
  try {
    step();
    return true;
  } catch (error) {
    console.error("Autosave:", error);
    return false;
  }
}

// The lab itself: the message should it stop, then the WebAssembly module, which calls onFirstFrame
// once it has drawn.
function start() {
  // If the WebAssembly ever traps (a bug: no input should reach one), every later call and frame
  // would fail with no word on screen. Say so instead, and offer a reload, which reopens the last
  // save: nothing is saved after the trap, so that save is the last good state.
  let stopped = false;
  lab._stop = (error) => {
    if (stopped) return;
    stopped = true;
    console.error("The lab stopped:", error);
    show("The lab stopped after an internal error",
         "Something went wrong inside the lab (" + String(error && error.message || error) + "). Your work up to " +
         "its last save is kept in this browser: reload the page to get it back.");
    notice.classList.add("stopped");  // a panel over the lab's last frame, not text on the drawing
    const reload = document.createElement("button");
    reload.type = "button";
    reload.className = "page-button";
    reload.textContent = "Reload the lab";
    reload.addEventListener("click", () => location.reload());
    notice.querySelector(".box").appendChild(reload);
    reload.focus();
  };
  window.addEventListener("error", (event) => {
    if (event.error instanceof WebAssembly.RuntimeError) lab._halt(event.error);
  });

  // Emscripten's MODULARIZE uses this object as the Module, so labCall appears on it.
  const config = {
    canvas,
    onFirstFrame() {
      lab._attach(config);
      notice.classList.add("hidden");
      canvas.focus();
      // A #lesson= link is taken out of the address first; the autosave then opens the lab as it
      // would without it, and the lesson opens over that (one undo brings the lab back).
      lessons.start();
      let opened = "defaults";
      try {
        opened = autosave.start(canvas);
      } catch (error) {  // the lab works without its autosave; say why in the console
        console.error("Autosave could not start:", error);
      }
      openForeign(opened);
      window.addEventListener("hashchange", () => openForeign("open"));
      lessons.acceptDrops(canvas);
      lessons.afterStart().finally(() => lab._firstFrame());
    },
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
  };
  // Paste: keep the text for ImGui, which asks for it on the key press that follows.
  document.addEventListener("paste", (event) => { config.clipboardText = event.clipboardData.getData("text"); });
  const fail = (error) => {
    show("The lab could not start", String(error && error.message || error));
    lab._fail(error);
  };
  try {
    createBackpropLab(config).then((module) => lab._attach(module)).catch(fail);
  } catch (error) {  // e.g. the glue refused by the page's Content-Security-Policy
    fail(error);
  }
}
