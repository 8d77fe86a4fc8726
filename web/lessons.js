// Lesson links and lesson files (docs/LESSONS.md, "Sharing a lesson"), and the open lesson kept
// across a reload of the tab.
// A lesson link is #lesson=2.<the lesson file, deflate-compressed, base64url>&step=<n>&check=<crc>:
// lesson_link.js compresses and inflates the lesson; address.js makes the link, reads it and checks
// its check digits. The lab reads the text itself and checks it (lab.openLesson): nothing of a
// lesson reaches HTML or script. A link or a file that cannot be opened leaves the lab as it was and
// says why in the lab's notice.
import { lab } from "./lab_api.js";
import { readLessonLink, lessonInAddress, hasLessonInAddress, clearAddress } from "./address.js";
import { linkFor, shareableLink, lessonOf } from "./lesson_link.js";

// The lab's own limit for a lesson file (kMaxLessonBytes, lesson.h), read from the lab once it is there.
const maxTextBytes = () => lab._limits.lessonBytes;

let pending = null;  // the lesson link this page was opened with (readLessonLink), until the lab is ready

// A notice, cut to the lab's limit (kMaxNoticeChars, lab_api.h): an error quoting a long lesson
// line is still shown, not refused.
function say(text) {
  const most = lab._limits.noticeChars;
  const chars = Array.from(text);
  lab.notice(chars.length > most ? chars.slice(0, most - 1).join("") + "\u2026" : text);
}

function damaged(why) {
  say("This lesson link cannot be opened: it is damaged or cut short (" + String(why).replace(/\.$/, "") +
      "). The lab is as it was; ask for the link again, or for the lesson file.");
  return false;
}

// Opens a lesson link as readLessonLink read it: true when the lesson opened.
async function openLink(link) {
  if (link.damaged) return damaged(link.damaged);
  let text;
  try {
    text = await lessonOf(link.data, maxTextBytes());
  } catch (error) {
    return damaged(error.message || error);
  }
  const r = lab.openLesson(text, link.step);
  if (!r.ok) say(lab._reason(r));
  return r.ok;
}

// Opens the lesson link in a fragment (what location.hash holds) as the address bar's link opens:
// true when the lesson opened; a fragment that holds no lesson link is refused as damaged.
function openHash(hash) {
  return openLink(readLessonLink(hash) || { damaged: "it holds no lesson" });
}

// The lesson in the address, taken out of it before the autosave reads the address.
function start() {
  const link = lessonInAddress();
  if (!link) return;
  clearAddress();
  pending = link;
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
  const link = pending;
  pending = null;
  return openLink(link);
}

// Copy a link to this step: the same link lab.lessonLink({step}) gives.
async function copyLink(text, step) {
  const { ok, error, link } = await shareableLink(text, step);
  if (!ok) {
    say(error.charAt(0).toUpperCase() + error.slice(1) + ".");
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
export const lessons = { start, afterStart, chooseFile, copyLink, linkFor, openHash, openText, openFile, acceptDrops, lastLink: null, keeping: false };
window.backpropLabLessons = lessons;
