// The labs saved in this browser, for autosave.js (docs/ARCHITECTURE.md, "Share links and autosave").
//
// Each saved lab is one localStorage key, "backprop-lab-recent-v1/<id>", holding
//   {version: 1, id, tab, time, link, summary}
// link is a #lab= payload (so the lab itself is versioned with the link format), time the moment of
// the save (Date.now()), tab the id of the browser tab that saved it, summary
// {layers, dataset, step, learningRate, pointCount}, or null for a lab saved by an earlier version.
// "Recent labs" is every such key, newest first; only the newest few are kept. A page writes only
// its own entry, and never one that another page has written since it last did (it starts a new
// entry instead). One key per lab rather than one shared list, because a tab sees another tab's
// writes a moment late: rewriting a shared list could drop the entry another tab had just written.
// The earlier version's single save, "backprop-lab-state", becomes an entry the first time this
// version opens, and is removed then.
const prefix = "backprop-lab-recent-v1/";
const oldKey = "backprop-lab-state";
const sessionKey = "backprop-lab-tab-v1";  // sessionStorage: this tab's id and entry, kept over reloads
const maxEntries = 8;
const loadedAt = Date.now();

function local() {
  try { return window.localStorage; } catch (e) { return null; }  // storage switched off
}

function newId() {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const valid = (e) => e && e.version === 1 && typeof e.id === "string" && typeof e.link === "string" &&
                     e.link.length > 0 && Number.isFinite(e.time) && (e.summary === null || typeof e.summary === "object");
const newestFirst = (a, b) => b.time - a.time;
const refused = "it does not let this page save (a private window, or storage switched off)";
const errorText = (e) => e && e.name === "QuotaExceededError" ? "its storage for this page is full" : refused;

// {entries (newest first), readable}. A damaged entry is left out (and replaced by later saves).
function read() {
  const storage = local();
  const entries = [];
  let old = null;
  try {
    for (let k = 0; k < storage.length; ++k) {
      const key = storage.key(k);
      if (!key || !key.startsWith(prefix)) continue;
      try {
        const e = JSON.parse(storage.getItem(key));
        if (valid(e) && key === prefix + e.id) entries.push({ ...e, tab: String(e.tab || "") });
      } catch (e) { /* damaged */ }
    }
    old = storage.getItem(oldKey);
  } catch (e) {
    return { entries: [], readable: false };
  }
  if (old && !entries.some((e) => e.link === old))
    entries.push({ version: 1, id: "saved-before", tab: "", time: loadedAt, link: old, summary: null });
  return { entries: entries.sort(newestFirst), readable: true };
}

// Writes one entry, then lets go of the oldest beyond the newest few. {ok, error}
function write(entry) {
  const storage = local();
  try {
    storage.setItem(prefix + entry.id, JSON.stringify(entry));
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
  try {
    for (const e of read().entries.slice(maxEntries))
      if (e.id !== entry.id && e.id !== "saved-before") storage.removeItem(prefix + e.id);
  } catch (e) { /* they stay a while longer */ }
  return { ok: true, error: null };
}

// Training thrown away (the step count goes back: Reset, a new network, Defaults) or another data
// set: the lab before the change keeps its entry, and the lab after it starts a new one.
function startsNewLab(before, after) {
  return !!before && (after.step < before.step || after.dataset !== before.dataset);
}

// Saves link as the lab of `owner` ({id, time}: the entry this page writes, and when it last wrote
// it; both null for a page that has not saved yet). Updates owner on success. {ok, error}
function put(owner, link, summary) {
  const storage = local();
  if (!storage) return { ok: false, error: refused };
  let id = owner.id;
  if (id) {
    let mine = null;
    try { mine = JSON.parse(storage.getItem(prefix + id)); } catch (e) { mine = null; }
    if (mine && (mine.time !== owner.time || startsNewLab(mine.summary, summary))) id = null;
  }
  if (!id) id = newId();
  const time = Math.max(Date.now(), (owner.time || 0) + 1);
  const r = write({ version: 1, id, tab: session().tab, time, link, summary });
  if (r.ok) {
    owner.id = id;
    owner.time = time;
  }
  return r;
}

// Fills in the summary of a lab saved without one (by an earlier version), keeping its time.
function describeEntry(id, summary) {
  const entry = read().entries.find((e) => e.id === id);
  if (entry && !entry.summary && entry.id !== "saved-before") write({ ...entry, summary });
}

// The earlier version's save becomes an entry (its time: now, the first time this version opens).
function migrate() {
  const old = read().entries.find((e) => e.id === "saved-before");
  if (old && write({ ...old, id: newId() }).ok) {
    try { local().removeItem(oldKey); } catch (e) { /* it is read again next time */ }
  }
}

// This tab's record, kept over reloads: {tab, entry, address, entryLink}. entry is the id of the
// entry this tab writes; address the #lab= text the page last put in the address bar while running,
// entryLink what that entry held then. sessionStorage may be off: the record then lives in the page.
let record = null;
function session() {
  if (record) return record;
  try { record = JSON.parse(window.sessionStorage.getItem(sessionKey)); } catch (e) { record = null; }
  if (!record || typeof record.tab !== "string") record = { tab: newId(), entry: null, address: null, entryLink: null };
  storeSession();
  return record;
}
function storeSession() {
  try { window.sessionStorage.setItem(sessionKey, JSON.stringify(record)); } catch (e) { /* kept in the page */ }
}

// "4-3-2-1 network · circle data · step 1,234 · α 0.25"
function describe(summary) {
  if (!summary) return "A lab saved by an earlier version of Backprop Lab";
  return [summary.layers.join("-") + " network", summary.dataset + " data",
          "step\u00a0" + summary.step.toLocaleString("en"), "α\u00a0" + summary.learningRate].join(" · ");
}

// "saved 3 minutes ago", "saved today at 14:03", "saved on 2 May at 09:12"
function when(time) {
  const now = Date.now();
  const seconds = Math.round((now - time) / 1000);
  if (seconds < 60) return "saved just now";
  if (seconds < 3600) {
    const minutes = Math.round(seconds / 60);
    return "saved " + minutes + (minutes === 1 ? " minute" : " minutes") + " ago";
  }
  const date = new Date(time), today = new Date(now);
  const clock = date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  if (date.toDateString() === today.toDateString()) return "saved today at " + clock;
  if (date.toDateString() === new Date(now - 86400000).toDateString()) return "saved yesterday at " + clock;
  const day = date.toLocaleDateString(undefined, date.getFullYear() === today.getFullYear()
    ? { day: "numeric", month: "long" } : { day: "numeric", month: "long", year: "numeric" });
  return "saved on " + day + " at " + clock;
}

export const saves = { prefix, oldKey, maxEntries, read, put, describeEntry, migrate, session, storeSession, describe, when };
