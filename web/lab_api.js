// window.lab: the lab's browser API (see README). Its methods are built from the lab's own table
// (src/app/api/lab_api.cpp, read through labMethods()) once the module is there: each name, how many
// arguments it takes and how each is sent live only in that table. Every call goes to the C++ lab as
// JSON.
//
// A module: it runs before boot.js (which imports it) and sets window.lab, the global that scripts,
// tests and the console use; the page's other modules import the same object as `lab`.
import { labLink } from "./address.js";
import { shareableLink } from "./lesson_link.js";

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
    return { ok: false, error: method + "(): the arguments cannot be sent to the lab: " + e.message };
  }
  if (stopped) return { ok: false, error: "the lab has stopped after an internal error: reload the page" };
  // Refused here, before it is copied into the lab's memory: WebAssembly memory never shrinks, so a
  // 10 MB argument would leave the page that much larger for good.
  const most = lab._limits.argumentChars;
  if (text.length > most)
    return { ok: false, error: method + "(): the arguments are " + text.length.toLocaleString("en-US") +
             " characters; a call takes at most " + most.toLocaleString("en-US") };
  try {
    return JSON.parse(module.labCall(method, text));
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError)) throw e;
    lab._halt(e);
    return { ok: false, error: "the lab has stopped after an internal error: reload the page" };
  }
}

// An argument the page itself refuses before anything is sent, with the message the lab would give.
class Refusal extends Error {}

// How an argument is sent, by the table's `send` (the Send kinds of lab_api.h).
const sends = new Map([
  ["value", (x) => x],
  // NaN and the infinities would arrive as null in JSON, which some calls read as "no argument":
  // they are sent as text, so the lab refuses them.
  ["number", (x) => (typeof x === "number" && !Number.isFinite(x) ? String(x) : x)],
  ["text", (x) => String(x)],  // may throw: an array nested thousands deep, a Symbol (method catches it)
  // Options: an object; left out (or null) it is {} and the call's defaults. Anything else is refused
  // here, since JSON would send a function as null and NaN as null, both read as "no options".
  ["options", (x) => {
    if (x === undefined || x === null) return {};
    if (typeof x !== "object" || Array.isArray(x)) throw new Refusal("takes nothing, or options {start, locks}");
    return x;
  }],
]);
// What a call gives back, by the table's `answer`.
const answers = new Map([
  ["json", (answer) => answer],
  // The text after #lab=: the link is this page's address with it.
  // A refused call throws an Error with the lab's message ("shareLink(): ..."), whatever went wrong.
  ["link", (payload) => {
    if (typeof payload !== "string") throw new Error(payload && payload.error || "the lab gave no link");
    return labLink(payload);
  }],
  // {ok, error, text, step}: the open lesson's file and a step of it. A Promise of {ok, error, link},
  // the link Copy a link to this step copies (compressing is asynchronous in the browser); a refusal
  // resolves to {ok: false, error} as well, and nothing throws.
  ["lessonLink", (answer) => {
    if (!answer || answer.ok !== true) return Promise.resolve({ ok: false, error: answer && answer.error || "the lab gave no lesson", link: null });
    return shareableLink(answer.text, answer.step).then(
      (r) => (r.ok ? r : { ok: false, error: "lessonLink(): " + r.error, link: null }),
      (e) => ({ ok: false, error: "lessonLink(): the link cannot be made: " + String(e && e.message || e), link: null }));
  }],
]);

// The arguments as the row sends them: optional ones left out at the end are not sent; one left
// out before a given one is sent as its fallback.
function argumentsFor(row, given) {
  let count = row.args.length;
  while (count > 0 && row.args[count - 1].optional && given[count - 1] === undefined) count--;
  const out = [];
  for (let k = 0; k < count; k++) {
    const arg = row.args[k];
    out.push(sends.get(arg.send)(arg.optional && given[k] === undefined ? arg.fallback : given[k]));
  }
  return out;
}

// The call with the arguments as the row sends them. An argument that cannot become what the row
// sends (String() of an array nested too deep for the stack, an option that is not an object) is
// refused with {ok: false, error}, as the lab refuses one, instead of throwing at the caller.
function send(row, given) {
  if (!module) throw new Error("the lab is still loading: await lab.ready first");
  let args;
  try {
    args = argumentsFor(row, given);
  } catch (e) {
    const why = e instanceof Refusal ? e.message : "the arguments cannot be sent to the lab: " + String(e && e.message || e);
    return { ok: false, error: row.name + "(): " + why };
  }
  return call(row.name, args);
}

// One method of window.lab from its row. It takes at most the row's arguments (more are not
// sent), and keeps the name and length a hand-written function of that many parameters has.
function method(row) {
  const unknown = row.args.map((a) => a.send).filter((kind) => !sends.has(kind));
  if (unknown.length || !answers.has(row.answer))
    throw new Error("lab." + row.name + " needs a kind lab_api.js does not have: " + unknown.concat(row.answer));
  const answer = answers.get(row.answer);
  const fn = (...given) => answer(send(row, given));
  Object.defineProperty(fn, "name", { value: row.name });
  Object.defineProperty(fn, "length", { value: row.args.length });
  return fn;
}

// Until the module has loaded, window.lab holds only `ready`; a call made that early throws "the
// lab is still loading: await lab.ready first", as it always has, rather than "not a function".
const loading = () => { throw new Error("the lab is still loading: await lab.ready first"); };
const early = (key) => typeof key === "string" && !module && key !== "then" && key !== "toJSON" && !key.startsWith("_");
export const lab = new Proxy({ ready }, { get: (target, key) => (key in target || !early(key) ? target[key] : loading) });
window.lab = lab;

// Called by boot.js with the module (twice: at its first frame and when it has loaded); the first
// time, every method of the table joins window.lab.
lab._attach = (m) => {
  module = m;
  if (lab._limits) return;
  for (const row of JSON.parse(m.labMethods())) lab[row.name] = method(row);
  // The limits the page checks before a text reaches the lab (lessons.js), as the lab sets them.
  lab._limits = JSON.parse(m.labLimits());
};
lab._call = call;
// The bytes of the lab's WebAssembly memory: a refused input must not leave it larger.
lab._memoryBytes = () => (module && module.HEAP8 ? module.HEAP8.buffer.byteLength : 0);
// A refusal as the learner reads it in the lab's notice: what is wrong, without the call's name.
lab._reason = (answer) => String(answer.error).replace(/^[A-Za-z]+\(\): /, "");
// The WebAssembly trapped (boot.js shows what happened): every later call says so.
lab._halt = (error) => {
  stopped = true;
  if (lab._stop) lab._stop(error);
};
// The first frame is drawn and the saved lab, link or lesson restored: ready once the lab has drawn
// what was restored, its layout the same two frames running, so that a tap aimed from layout()
// lands where the user sees it. At most a second of frames: a view that keeps moving does not
// hold the lab back.
lab._firstFrame = () => {
  lab.firstFrameMs = performance.now();  // since navigation started
  let last = null, frames = 0;
  const check = () => {
    const now = JSON.stringify(call("layout"));
    if (now === last || ++frames >= 60) resolveReady(lab);
    else requestAnimationFrame(check);
    last = now;
  };
  requestAnimationFrame(check);
};
lab._fail = (error) => rejectReady(error);
