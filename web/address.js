// The page's addresses: a lab's link (#lab=<payload>) and a lesson's link
// (#lesson=2.<data>&step=<n>&check=<crc>), built and read here only; lab_api.js, autosave.js,
// lesson_link.js and lessons.js import them. Any other text after "#" is foreign (a TensorFlow
// Playground link, a page's section): boot.js says so and replaces it.
//
// A #lab= payload is the lab's own text (src/core/share_link.h): the page never looks inside it. A
// #lesson= link carries a lesson file, deflate-compressed and base64url-encoded (lesson_link.js).
import { crc32 } from "./crc32.js";

const labMark = "#lab=";
const lessonMark = "#lesson=";
// A lesson link of format 2 (docs/LESSONS.md, "Sharing a lesson"): #lesson=2.<data>&step=<n>&check=<c>,
// where c is the CRC-32 of everything between "#lesson=" and "&check=", in 8 lowercase hex digits.
// So a character changed, added or lost anywhere in it, the step and the separators too, makes it
// damaged rather than another lesson or another step. "2." cannot begin a link of the first format
// (#lesson=<data>&step=<n>, no check digits), whose data is pure base64url: those open as they always have.
const lessonFormat = "2";
// The pattern's groups: the checked part, the data, the step and the check digits.
const lessonPattern = /^#lesson=(2\.([A-Za-z0-9_-]+)&step=([0-9]{1,3}))&check=([0-9a-f]{8})$/;
// The end of a format-2 link: a hash that ends so is a damaged lesson link even when its "#lesson="
// is changed.
const lessonEnd = /&step=[0-9]{1,3}&check=[0-9a-f]{8}$/;
// The first format: the step is a number of at most three digits; anything else after the lesson
// makes the link damaged.
const firstFormatPattern = /^#lesson=([^&]*)(?:&step=([0-9]{1,3}))?$/;

// This page's address without its fragment: the part every link starts with.
const pageAddress = () => location.origin + location.pathname + location.search;

// --- a lab's link ---------------------------------------------------------------------------------

// The link that opens the lab whose payload is given, on this page.
export function labLink(payload) {
  return pageAddress() + labMark + payload;
}

// The payload of a link made by labLink (what follows #lab=).
export function labPayload(link) {
  return link.slice(link.indexOf(labMark) + labMark.length);
}

// The #lab= payload in the address bar, or null when the address holds no lab.
export function labInAddress() {
  return location.hash.startsWith(labMark) ? location.hash.slice(labMark.length) : null;
}

// Shows the lab's payload in the address bar: a new history entry (push), or in place of this one.
export function showLabInAddress(payload, push) {
  if (push) history.pushState(null, "", labMark + payload);
  else history.replaceState(null, "", labMark + payload);
}

// Takes the lab or lesson out of the address bar, in place of this history entry.
export function clearAddress() {
  history.replaceState(null, "", location.pathname + location.search);
}

// --- an address the lab does not make ------------------------------------------------------------

// The text after "#" (with the "#") when it is neither a lab's link nor a lesson's, else null; an
// empty "#" is no address at all.
export function foreignInAddress() {
  const hash = location.hash;
  return hash === "" || hash === "#" || hash.startsWith(labMark) || isLessonLink(hash) ? null : hash;
}

// --- a lesson's link ------------------------------------------------------------------------------

const checkDigits = (text) => crc32(text).toString(16).padStart(8, "0");

// The link that opens the lesson whose compressed text (base64url) is given, at that step.
export function lessonLink(data, step) {
  const checked = lessonFormat + "." + data + "&step=" + step;
  return pageAddress() + lessonMark + checked + "&check=" + checkDigits(checked);
}

// Whether a fragment (location.hash) holds a lesson link, whole or damaged.
export function isLessonLink(hash) {
  return hash.startsWith(lessonMark) || lessonEnd.test(hash);
}

// Whether the address bar holds a lesson link (whole or damaged).
export function hasLessonInAddress() {
  return isLessonLink(location.hash);
}

// The lesson link in a fragment: null when it holds none; {data, step} (step 1 when a link of the
// first format names none); {damaged: why} when it cannot be read.
export function readLessonLink(hash) {
  if (!isLessonLink(hash)) return null;
  if (!hash.startsWith(lessonMark)) return { damaged: "its beginning, #lesson=, was changed" };
  const body = hash.slice(lessonMark.length);
  if (!/^[0-9]+\./.test(body) && !body.includes("&check=")) {  // the first format: no check digits
    const match = firstFormatPattern.exec(hash);
    if (!match) return { damaged: "it has characters a lesson link never has" };
    return { data: match[1], step: match[2] ? Number(match[2]) : 1 };
  }
  if (!body.startsWith(lessonFormat + ".")) return { damaged: "it is not a lesson link this lab can read" };
  const match = lessonPattern.exec(hash);
  if (!match) return { damaged: "a part of it is missing or has characters a lesson link never has" };
  const [, checked, data, step, check] = match;
  if (checkDigits(checked) !== check)
    return { damaged: "its check digits do not match the rest of it: a character was changed, added or lost" };
  return { data, step: Number(step) };
}

// The lesson link in the address bar (readLessonLink of location.hash).
export function lessonInAddress() {
  return readLessonLink(location.hash);
}
