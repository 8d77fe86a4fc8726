// Lesson links and lesson files (docs/LESSONS.md, "Sharing a lesson"), and the open lesson kept
// across a reload of the tab.
// A lesson link is #lesson=<the lesson file, deflate-compressed, base64url>&step=<n>: this file
// compresses and inflates the lesson; address.js makes the link and reads it from the address. The
// lab reads the text itself and checks it (lab.openLesson): nothing of a lesson reaches HTML or script.
// A link or a file that cannot be opened leaves the lab as it was and says why in the lab's notice.
import { lab } from "./lab_api.js";
import { lessonLink, lessonInAddress, hasLessonInAddress, clearAddress } from "./address.js";

// A lesson link up to 8 KB: browsers, chat apps and QR codes carry that comfortably (2 KB is the old
// Internet Explorer limit; today's browsers take far more, but mail and chat clients cut long links).
// The page's own limit: the lab never sees a lesson link, only the lesson in it.
const maxLessonLinkChars = 8192;
// The lab's own limit for a lesson file (kMaxLessonBytes, lesson.h), read from the lab once it is there.
const maxTextBytes = () => lab._limits.lessonBytes;

let pending = null;  // the lesson link this page was opened with, until the lab is ready

// A notice, cut to the lab's limit (kMaxNoticeChars, lab_api.h): an error quoting a long lesson
// line is still shown, not refused.
function say(text) {
  const most = lab._limits.noticeChars;
  const chars = Array.from(text);
  lab.notice(chars.length > most ? chars.slice(0, most - 1).join("") + "\u2026" : text);
}

function toBase64Url(bytes) {
  let binary = "";
  for (let k = 0; k < bytes.length; k += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(k, k + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("it has characters a lesson link never has");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function compress(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Inflates little more than the lab's limit for a lesson file, so a hostile link cannot make the
// page inflate gigabytes.
async function decompress(bytes) {
  const most = maxTextBytes();
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > most) {
      reader.cancel();
      throw new Error("the lesson in it is over " + most / 1024 + " KB");
    }
    parts.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const part of parts) { all.set(part, at); at += part.length; }
  return new TextDecoder("utf-8", { fatal: true }).decode(all);
}

async function openLink(data, step) {
  let text;
  try {
    text = await decompress(fromBase64Url(data));
  } catch (error) {
    const why = String(error.message || error).replace(/\.$/, "");
    say("This lesson link cannot be opened: it is damaged or cut short (" + why +
        "). The lab is as it was; ask for the link again, or for the lesson file.");
    return false;
  }
  const r = lab.openLesson(text, step);
  if (!r.ok) say(lab._reason(r));
  return r.ok;
}

// The lesson in the address, taken out of it before the autosave reads the address.
function start() {
  const link = lessonInAddress();
  if (!link) return;
  clearAddress();
  pending = [link.data === null ? "!" : link.data, link.step];  // "!" is opened below, to say that it is damaged
}

// A lesson link pasted into the address bar of an open lab changes only the hash: no reload.
function reopen() {
  if (!hasLessonInAddress()) return;
  start();
  afterStart();
}

// The open lesson and its step, kept for this tab: a reload takes the lesson up again at that
// step, on the lab the autosave brought back. A built-in lesson is kept by its name.
const storeKey = "backpropLab.lesson";
let kept = "";
function keep() {
  const l = lab.lesson();
  let entry = null;
  if (l.open) {
    const previous = kept ? JSON.parse(kept) : null;
    const same = previous && previous.title === l.title && previous.steps === l.steps;
    entry = { title: l.title, steps: l.steps, step: l.step, name: l.name,
              text: l.name ? null : same && previous.text ? previous.text : lab.lesson({ text: true }).source };
  }
  const text = entry ? JSON.stringify(entry) : "";
  if (text === kept) return;
  kept = text;
  try {
    if (entry) sessionStorage.setItem(storeKey, text);
    else sessionStorage.removeItem(storeKey);
  } catch (error) {  // storage switched off: the lesson is then not kept across a reload
    console.warn("The open lesson cannot be kept for a reload:", error);
  }
}

function resumeKept() {
  let entry = null;
  try {
    entry = JSON.parse(sessionStorage.getItem(storeKey) || "null");
  } catch (error) {
    entry = null;
  }
  if (!entry || typeof entry.step !== "number") return false;
  const r = lab.openLesson(entry.name || entry.text || "", entry.step, { keepLab: true });
  if (!r.ok) sessionStorage.removeItem(storeKey);
  return r.ok;
}

function afterStart() {
  window.addEventListener("hashchange", reopen);
  if (!lessons.keeping) {
    lessons.keeping = true;
    try {
      kept = sessionStorage.getItem(storeKey) || "";  // what is stored now: a change from it is written
    } catch (error) {
      kept = "";
    }
    if (!pending) resumeKept();
    setInterval(keep, 1000);
  }
  if (!pending) return Promise.resolve(false);
  const [data, step] = pending;
  pending = null;
  return openLink(data, step);
}

async function linkFor(text, step) {
  return lessonLink(toBase64Url(await compress(text)), step);
}

async function copyLink(text, step) {
  const link = await linkFor(text, step);
  if (link.length > maxLessonLinkChars) {
    say("This lesson is " + (link.length / 1024).toFixed(1) + " KB as a link, more than the " + maxLessonLinkChars / 1024 +
        " KB a link may carry: share the lesson file instead (Lessons\u2026 \u2192 Save the lesson file).");
    return null;
  }
  lessons.lastLink = link;
  try {
    await navigator.clipboard.writeText(link);
    say("Lesson link copied: it opens this lesson at step " + step + ".");
  } catch (error) {
    say("The browser did not let the lab copy the lesson link. Use the lesson file instead, or try again.");
  }
  return link;
}

function openText(text, name) {
  const r = lab.openLesson(text, 1);
  if (!r.ok) say((name ? name + ": " : "") + lab._reason(r));
  return r;
}

function openFile(file) {
  if (file.size > maxTextBytes()) {
    say(file.name + " is " + Math.round(file.size / 1024) + " KB: a lesson file may be at most " + maxTextBytes() / 1024 + " KB.");
    return Promise.resolve(null);
  }
  return file.text().then((text) => openText(text, file.name));
}

function chooseFile() {
  const input = document.createElement("input");
  input.type = "file";
  input.accept = ".lesson,.txt,text/plain";
  input.onchange = () => { if (input.files && input.files[0]) openFile(input.files[0]); };
  input.click();
}

// A lesson file dropped on the lab opens like one chosen with the file picker.
function acceptDrops(canvas) {
  canvas.addEventListener("dragover", (event) => {
    if (event.dataTransfer && Array.from(event.dataTransfer.types).includes("Files")) event.preventDefault();
  });
  canvas.addEventListener("drop", (event) => {
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    if (/\.(lesson|txt)$/i.test(file.name)) openFile(file);
    else say(file.name + " is not a lesson file: a lesson is a plain-text file ending in .lesson (docs/LESSONS.md).");
  });
}

// boot.js imports it; the lab's C++ (browser_services.cpp) and scripts reach it as
// window.backpropLabLessons.
export const lessons = { start, afterStart, chooseFile, copyLink, linkFor, openText, openFile, acceptDrops, lastLink: null, keeping: false };
window.backpropLabLessons = lessons;
