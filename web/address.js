// The page's addresses: a lab's link (#lab=<payload>) and a lesson's link (#lesson=<data>&step=<n>),
// built and read here only; lab_api.js, autosave.js and lessons.js import them. Any other text after
// "#" is foreign (a TensorFlow Playground link, a page's section): boot.js says so and replaces it.
//
// A #lab= payload is the lab's own text (src/core/share_link.h): the page never looks inside it. A
// #lesson= link carries a lesson file, deflate-compressed and base64url-encoded (lessons.js).

const labMark = "#lab=";
const lessonMark = "#lesson=";
// The step is a number of at most three digits; anything else after the lesson makes the link damaged.
const lessonPattern = /^#lesson=([^&]*)(?:&step=([0-9]{1,3}))?$/;

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
  return hash === "" || hash === "#" || hash.startsWith(labMark) || hash.startsWith(lessonMark) ? null : hash;
}

// --- a lesson's link ------------------------------------------------------------------------------

// The link that opens the lesson whose compressed text (base64url) is given, at that step.
export function lessonLink(data, step) {
  return pageAddress() + lessonMark + data + "&step=" + step;
}

// Whether the address bar holds a lesson link (whole or damaged).
export function hasLessonInAddress() {
  return location.hash.startsWith(lessonMark);
}

// The lesson link in the address bar: null when there is none; {data, step} (step 1 when the link
// names none); {data: null, step: 1} when it is damaged.
export function lessonInAddress() {
  if (!hasLessonInAddress()) return null;
  const match = lessonPattern.exec(location.hash);
  if (!match) return { data: null, step: 1 };
  return { data: match[1], step: match[2] ? Number(match[2]) : 1 };
}
