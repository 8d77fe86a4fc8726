// Nothing lost: the lab is saved in this browser as it changes, the address bar follows it, and
// "Recent labs" (in the lab's More menu) gets any of the last few labs back (docs/ARCHITECTURE.md,
// "Share links and autosave"). The list itself is kept by saved_labs.js.
//
// The rules:
// - Opening: a #lab= link in the address opens first; without one, this tab's own lab (a reload),
//   else the most recently saved lab. A link that cannot be opened changes no save: the lab starts
//   from its defaults, the link leaves the address bar and the message stays on the lab.
// - A lab that was just opened (from a link, a save, or the defaults) is not saved until it
//   changes; it is then saved as a new entry, so what was saved before stays in Recent labs.
// - A change is saved within 0.3 s (training progress alone at most every 1.5 s), and at once when
//   the page is hidden or left, so a reload right after an edit keeps it.
// - A save that the browser refuses (storage full or switched off) says so, and offers a download.
import { lab } from "./lab_api.js";
import { saves } from "./saved_labs.js";
import { labPayload, labInAddress, showLabInAddress, clearAddress } from "./address.js";

const settleMs = 300;     // a change is saved within this time
const progressMs = 1500;  // training progress alone is saved at most this often

// All the autosave knows between one call and the next.
const state = {
  // The entry this page writes (saved_labs.put): its id and time, and the link it holds.
  owner: { id: null, time: null, link: null },
  // The lab as last saved or opened: its link (a different one is a change), its start link
  // (settings, data, view), and when.
  saved: { link: "", start: "", at: 0 },
  // The address bar: the #lab= text this page last put there or opened from it, the set-up it shows
  // (setupKey), when it last got a new history entry, and whether a save while leaving left it behind.
  address: { link: "", setup: "", pushedAt: -Infinity, behind: false },
  leaving: false,  // the page is being left (pagehide) and not back from the back-forward cache
  failing: false,  // the last save failed
  // Recent labs: whether its list opened a lab, and where the keyboard goes back to when it closes.
  list: { openedLab: false, returnFocus: null },
};

const $ = (id) => document.getElementById(id);

// The #lab= payload of the lab now ({start: true}: of its starting point).
function payload(options) {
  return labPayload(lab.shareLink(options));
}

function summary(s) {
  return { layers: s.layers, dataset: s.dataset, step: s.step, learningRate: s.learningRate, pointCount: s.points.length };
}

// The set-up a history entry stands for: the lab's settings and data, not its training progress nor
// its view. A change of it adds a history entry, so Back and Forward step through the lesson's
// set-ups; changes in quick succession (a slider being dragged) share one entry.
function setupKey(s) {
  return JSON.stringify([s.layers, s.activations, s.loss, s.learningRate, s.batchSize, s.features, s.dataset,
                         s.testFraction, s.points, s.locks]);
}

// Whether the set-up of the lab now ({start, labState}) changed, in the two senses the autosave
// has for it. since "save": its starting point (settings, data and view, the start link) differs
// from the last save, so it is saved at once rather than with the training's progress. since
// "address": its settings and data (setupKey; the view does not count) differ from what the address
// bar shows, so the save adds a history entry.
function setupChanged(since, now) {
  return since === "save" ? now.start !== state.saved.start : setupKey(now.labState) !== state.address.setup;
}

// The lab now is the unchanged lab. continueEntry: an entry {id, time, link} this page goes on
// writing (a reload of this tab); otherwise its first change starts a new entry.
function opened(continueEntry) {
  state.saved.link = payload();
  state.saved.start = payload({ start: true });
  state.saved.at = performance.now();
  state.address.setup = setupKey(lab.state());
  state.owner.id = continueEntry ? continueEntry.id : null;
  state.owner.time = continueEntry ? continueEntry.time : null;
  state.owner.link = continueEntry ? continueEntry.link : null;
}

// This tab's record (kept over reloads) follows the address bar and the entry.
function recordTab(addressToo) {
  const tab = saves.session();
  tab.entry = state.owner.id;
  if (addressToo) {
    tab.address = state.address.link || null;
    tab.entryLink = state.owner.link;
  }
  saves.storeSession();
}

function setAddress(link, push) {
  showLabInAddress(link, push);
  state.address.link = link;
}

// No lab in the address bar (one that could not be opened leaves it).
function clearLabAddress() {
  clearAddress();
  state.address.link = "";
}

// Saves the lab if it changed. mode: "tick" (settled changes; progress throttled), "now" (the
// page is hidden, or another lab is about to open), "leaving" (pagehide: the address bar may no
// longer change, so only the save), "entry" (Back or Forward already moved the address bar).
function save(mode) {
  if (state.leaving && mode !== "entry") mode = "leaving";
  const now = {};
  try {
    now.link = payload();
    if (now.link === state.saved.link) return;
    now.start = payload({ start: true });
  } catch (e) {
    return;  // the lab cannot make a link right now; the next tick tries again
  }
  if (mode === "tick" && !setupChanged("save", now) && performance.now() - state.saved.at < progressMs) return;
  now.labState = lab.state();
  const r = saves.put(state.owner, now.link, summary(now.labState));
  if (r.ok) state.owner.link = now.link;
  state.saved.link = now.link;
  state.saved.start = now.start;
  state.saved.at = performance.now();
  if (mode === "leaving" || mode === "entry") {
    state.address.behind = mode === "leaving";
    recordTab(false);
  } else {
    const push = setupChanged("address", now) && state.saved.at - state.address.pushedAt > progressMs;
    setAddress(now.link, push);
    if (push) state.address.pushedAt = state.saved.at;
    state.address.setup = setupKey(now.labState);
    recordTab(true);
  }
  report(r);
}

function tick() {
  if (state.leaving) return;
  save("tick");
  if (state.address.behind) {  // back from the back-forward cache
    state.address.behind = false;
    setAddress(state.saved.link, false);
    recordTab(true);
  }
}

// A failed save: a message on the lab and a bar with a download, once until a save works again.
function report(r) {
  if (r.ok) {
    if (state.failing) $("save-failed").hidden = true;
    state.failing = false;
    return;
  }
  if (state.failing) return;
  state.failing = true;
  lab.notice("This browser could not save the lab: " + r.error + ". Closing the page would lose your work: " +
             "keep it with \"Download this lab\" (bottom of the page) or Copy link.");
  $("save-failed-text").textContent = "Your work is not being saved in this browser: " + r.error + ". If you " +
    "close this page, your latest changes are lost. Download this lab to keep a copy as a file (open the file later to get the " +
    "lab back), or use Copy link at the top of the lab.";
  $("save-failed").hidden = false;
}

// A file that reopens the lab: a small web page holding its link.
function download() {
  const link = lab.shareLink();
  const s = summary(lab.state());
  const now = new Date();
  const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  const html = "<!doctype html>\n<html lang=\"en\">\n<meta charset=\"utf-8\">\n<title>Backprop Lab: a saved lab</title>\n" +
    "<style>body{font:18px/1.45 system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em}" +
    "code{word-break:break-all;font-size:12px}</style>\n" +
    "<h1>A saved Backprop Lab</h1>\n<p>" + escape(saves.describe(s)) + ", saved " + escape(now.toLocaleString()) + ".</p>\n" +
    "<p><a href=\"" + escape(link) + "\">Open this lab in Backprop Lab</a></p>\n" +
    "<p>If the link does not open, copy this whole address into the browser's address bar:</p>\n" +
    "<p><code>" + escape(link) + "</code></p>\n</html>\n";
  const pad = (n) => String(n).padStart(2, "0");
  const name = "backprop-lab-" + now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) +
               "-" + pad(now.getHours()) + pad(now.getMinutes()) + ".html";
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([html], { type: "text/html" }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// --- opening ------------------------------------------------------------------------------------

// How this page was reached: "navigate", "reload", "back_forward" or "prerender".
function navigationType() {
  const entry = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  return entry ? entry.type : "navigate";
}

// What opened: "saved" (a lab saved in this browser), "link" (the #lab= link in the address) or
// "defaults".
function restore() {
  saves.migrate();
  const tab = saves.session();
  const { entries } = saves.read();
  const mine = tab.entry ? entries.find((e) => e.id === tab.entry && e.tab === tab.tab) : null;
  const hash = labInAddress();
  // This tab reloaded (or came back): it goes on with its own lab. Its entry is newer than the
  // address bar when it changed after the address was last written (a save while leaving), and
  // when a reload came so soon after the page wrote the address that the browser reloaded the
  // address before it (the page's record holds the newer one).
  const reloaded = hash !== null && tab.address !== hash && navigationType() === "reload";
  if (mine && (hash === null || tab.address === hash || reloaded)) {
    const link = hash === null || reloaded || mine.link !== tab.entryLink ? mine.link : hash;
    const r = lab.openLink(link);
    if (r.ok) {
      opened(mine);
      if (hash !== null) setAddress(link, false);
      describeIfNeeded(mine);
      return "saved";
    } else {
      lab.notice("The lab saved in this browser could not be opened: " + lab._reason(r) + ". The lab starts from its " +
                 "defaults; the saved lab stays in Recent labs (in the More… menu).");
      if (hash !== null) clearAddress();
      state.address.link = "";
      opened(null);
    }
    return "defaults";
  }
  if (hash !== null) {
    const r = lab.openLink(hash);
    if (r.ok) {
      state.address.link = hash;
    } else {
      // Refused: it leaves the address bar (a reload would refuse it again) and changes no save.
      lab.notice("This link could not be opened, so the lab starts from its defaults: " + lab._reason(r) +
                 ". Your saved labs are kept: see Recent labs (in the More… menu).");
      clearLabAddress();
    }
    opened(null);
    return r.ok ? "link" : "defaults";
  }
  const latest = entries[0];
  let r = { ok: false };
  if (latest) {
    r = lab.openLink(latest.link);
    if (r.ok) describeIfNeeded(latest);
    else lab.notice("The lab saved in this browser (" + saves.when(latest.time) + ") could not be opened: " + lab._reason(r) +
                    ". The lab starts from its defaults; the saved lab stays in Recent labs (in the More… menu).");
  }
  opened(null);
  return r.ok ? "saved" : "defaults";
}

function describeIfNeeded(entry) {
  if (!entry.summary) saves.describeEntry(entry.id, summary(lab.state()));
}

// Back, Forward and an edited address reopen the link there.
function reopen() {
  const hash = labInAddress();
  if (hash === null || hash === state.address.link) return;
  save("entry");  // the lab being left, in its entry (the address bar already shows the other)
  const r = lab.openLink(hash);
  if (r.ok) {
    state.address.link = hash;
    opened({ id: state.owner.id, time: state.owner.time, link: state.owner.link });
    recordTab(true);
  } else {
    lab.notice("This link could not be opened: " + lab._reason(r) + ". The lab has not changed.");
    if (state.address.link) setAddress(state.address.link, false);
    else clearLabAddress();
  }
}

// --- Recent labs --------------------------------------------------------------------------------

const dialog = () => $("recent-dialog");

// The list as it is now. refresh: only the texts of the labs already shown change (another tab
// saved while the list is open), so no button moves under a finger about to tap it.
function render(refresh) {
  const { entries, readable } = saves.read();
  const tab = saves.session().tab;
  const list = $("recent-list");
  const describe = (entry, what, when) => {
    what.textContent = saves.describe(entry.summary);
    const current = entry.id === state.owner.id;
    when.textContent = saves.when(entry.time) + (current ? " · open now" : entry.tab === tab ? " · in this tab" : "");
  };
  if (refresh) {
    for (const button of list.querySelectorAll(".recent-entry")) {
      const entry = entries.find((e) => e.id === button.dataset.id);
      if (entry) describe(entry, button.querySelector(".what"), button.querySelector(".when"));
    }
    return;
  }
  list.replaceChildren();
  $("recent-message").textContent =
    !readable ? "This browser does not let the lab save anything here (storage is switched off), so no labs are " +
                "listed. Download this lab to keep a copy as a file."
    : state.failing ? "Saving does not work in this browser right now, so your latest changes are not in this list. " +
                "Download this lab to keep a copy as a file."
    : entries.length === 0 ? "Nothing is saved yet. Change something in the lab and it appears here."
    : "";
  for (const entry of entries) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "page-button recent-entry";
    button.dataset.id = entry.id;
    const what = document.createElement("span");
    what.className = "what";
    const when = document.createElement("span");
    when.className = "when";
    describe(entry, what, when);
    if (entry.id === state.owner.id) button.setAttribute("aria-current", "true");
    button.append(what, when);
    button.addEventListener("click", () => openSaved(entry.id));
    const item = document.createElement("li");
    item.append(button);
    list.append(item);
  }
}

function openSaved(id) {
  save("now");
  const entry = saves.read().entries.find((e) => e.id === id);
  if (!entry) {
    render();
    $("recent-message").textContent = "That lab is no longer saved in this browser.";
    return;
  }
  const r = lab.openLink(entry.link);
  if (!r.ok) {
    $("recent-message").textContent = "This saved lab could not be opened: " + lab._reason(r) + ". The lab has not changed.";
    return;
  }
  // The saved lab stays as it was; its first change here starts a new entry (unless it is this page's own).
  opened(entry.id === state.owner.id ? entry : null);
  setAddress(entry.link, true);
  state.address.pushedAt = performance.now();
  recordTab(true);
  state.list.openedLab = true;
  dialog().close();
}

// Opens the list (the lab's More menu calls this through the page, as does the keyboard's button).
// Closed, the keyboard goes back to where it was: the lab, or the button.
function showRecent() {
  if (dialog().open) return;
  save("now");
  render();
  state.list.openedLab = false;
  state.list.returnFocus = document.activeElement;
  dialog().showModal();
}

function setUpControls(canvas) {
  const button = $("recent-keyboard");
  button.hidden = false;
  button.addEventListener("click", showRecent);
  // Tab from the lab reaches this button: the lab's GLFW keeps Tab from moving the focus itself.
  window.addEventListener("keydown", (event) => {
    if (event.key === "Tab" && !event.shiftKey && !event.ctrlKey && !event.altKey && event.target === canvas) {
      event.preventDefault();
      button.focus();
    }
  }, true);
  $("recent-close").addEventListener("click", (event) => {
    dialog().close();
    // After a click, the keyboard goes back to the lab (Space plays); after Enter, to where it was.
    if (event.detail > 0) canvas.focus();
  });
  $("recent-download").addEventListener("click", download);
  dialog().addEventListener("click", (event) => {  // a click on the shade beside the list closes it
    if (event.target !== dialog()) return;
    const r = dialog().getBoundingClientRect();
    if (event.clientX < r.left || event.clientX > r.right || event.clientY < r.top || event.clientY > r.bottom) {
      dialog().close();
      canvas.focus();
    }
  });
  dialog().addEventListener("close", () => {
    const back = state.list.returnFocus;
    if (state.list.openedLab || !back || back === document.body) canvas.focus();
    else if (document.activeElement === document.body || document.activeElement === dialog()) back.focus();
    state.list.returnFocus = null;
  });
  $("save-failed-download").addEventListener("click", download);
  $("save-failed-dismiss").addEventListener("click", () => {
    $("save-failed").hidden = true;
    canvas.focus();
  });
  window.addEventListener("storage", (event) => {  // another tab saved: keep an open list current
    if (dialog().open && (event.key === null || event.key.startsWith(saves.prefix) || event.key === saves.oldKey)) render(true);
  });
}

// --- start ---------------------------------------------------------------------------------------

// The lab now in the address bar, in place of what is there (an address the page does not read).
function showInAddress() {
  try {
    setAddress(payload(), false);
  } catch (error) {  // the lab cannot make a link right now: no address rather than a foreign one
    clearLabAddress();
  }
  state.address.setup = setupKey(lab.state());
  recordTab(true);
}

// Another lab is about to take this one's place (a Playground link): this one is saved as it is,
// and the next change starts a new entry, so Recent labs keeps both.
function keepBeforeChange() {
  save("now");
  opened(null);
}

// Opens the lab the address, this tab or the last save holds; answers what opened (restore).
function start(canvas) {
  const what = restore();
  recordTab(true);
  setUpControls(canvas);
  autosave.openRecentLabs = showRecent;
  setInterval(tick, settleMs);
  window.addEventListener("popstate", reopen);
  window.addEventListener("hashchange", reopen);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") save("now"); });
  window.addEventListener("pagehide", () => { state.leaving = true; save("leaving"); });
  window.addEventListener("pageshow", (event) => { if (event.persisted) state.leaving = false; });
  return what;
}

// openRecentLabs: shows the Recent labs list; set once the autosave runs (the lab's More menu
// offers the list only then). showInAddress and keepBeforeChange: for boot.js, which replaces a
// foreign address with the lab's link and opens a Playground link over the lab. boot.js imports it; the lab's C++ (browser_services.cpp) and scripts
// reach it as window.backpropLabAutosave.
export const autosave = { start, showInAddress, keepBeforeChange, openRecentLabs: null };
window.backpropLabAutosave = autosave;

