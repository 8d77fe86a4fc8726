// Lesson links and lesson texts from anyone: lab.lessonLink() gives the link "Copy a link to this
// step" copies, in the format with check digits; every one-character change of such a link (a
// character replaced by one of a handful, or lost, at every position) is refused as damaged and the
// lab stays as it was, and a changed step or #lesson= is refused the same way from the address bar
// (opening the page, or pasted into an open lab); a link of the first format, without check
// digits, still opens; the check digits are the CRC-32 the lab's own #lab= links carry; and lesson
// texts damaged at random, opened as the page opens a lesson file, are refused at a line or open as
// exactly their text, quickly and without stopping the lab. The thousand-text run of the same kind
// is native (tests/app/lesson_mutation_test.cpp); this one checks the page's path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openLab, openLabPage, newLabContext, settled } from "./harness.mjs";

const env = useBrowser();
const hashOf = (link) => link.slice(link.indexOf("#"));

test("lab.lessonLink() gives the link Copy a link to this step copies, and refuses in words", async () => {
  const page = await openLab(env.browser, env.url);
  // No lesson, a bad step, an argument that is no object: {ok: false, error}, never a throw.
  const refusals = await page.evaluate(async () => {
    const out = [];
    for (const args of [[], [{ step: 2 }]]) out.push(await window.lab.lessonLink(...args));
    window.lab.openLesson("chain-rule", 3);
    for (const args of [[5], ["step"], [null], [[2]], [{ step: 0 }], [{ step: 99 }], [{ step: 2.5 }], [{ step: NaN }],
                        [{ step: "2" }], [{ step: 2, extra: 1 }]]) {
      const answer = window.lab.lessonLink(...args);
      out.push(answer instanceof Promise ? await answer : { notAPromise: answer });
    }
    return out;
  });
  for (const r of refusals.slice(0, 2)) assert.deepEqual(r, { ok: false, error: "lessonLink(): no lesson is open", link: null });
  for (const r of refusals.slice(2)) {
    assert.equal(r.ok, false, JSON.stringify(r));
    assert.match(r.error, /^lessonLink\(\): (takes nothing, or \{step: n\}|the step is a whole number from 1 to \d+)/, r.error);
  }

  const { now, fifth, copied, source } = await page.evaluate(async () => {
    const now = await window.lab.lessonLink();
    const fifth = await window.lab.lessonLink({ step: 5 });
    const source = window.lab.lesson({ text: true }).source;
    // What the lesson menu's "Copy a link to this step" does (lessons_menu.cpp → copy_lesson_link).
    await window.backpropLabLessons.copyLink(source, window.lab.lesson().step);
    return { now, fifth, copied: window.backpropLabLessons.lastLink, source };
  });
  assert.equal(now.ok, true, JSON.stringify(now));
  assert.equal(now.error, null);
  assert.equal(now.link, copied, "lessonLink() is exactly the link the page copies");
  assert.ok(now.link.startsWith(env.url + "#lesson=2."), now.link.slice(0, 80));
  assert.match(now.link, /^[^#]*#lesson=2\.[A-Za-z0-9_-]+&step=3&check=[0-9a-f]{8}$/);
  assert.match(fifth.link, /&step=5&check=[0-9a-f]{8}$/);
  assert.ok(fifth.link.length < 8192, `${fifth.link.length} characters`);

  // The link opens that lesson at that step in a fresh page.
  const context = await newLabContext(env.browser);
  const other = await openLabPage(context, env.url, { hash: hashOf(fifth.link) });
  const opened = await other.evaluate(() => ({ l: window.lab.lesson(), source: window.lab.lesson({ text: true }).source,
                                               notice: window.lab.state().notice }));
  assert.equal(opened.l.open, true, opened.notice);
  assert.equal(opened.l.step, 5);
  assert.equal(opened.source, source);
  // A lesson too long for a link (text that deflate cannot shrink much): no link, and the words the
  // menu's copy shows.
  const long = await page.evaluate(async () => {
    let seed = 7, text = "lesson: Long\nstep: One\n";
    const letter = () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26));
    for (let line = 0; line < 200; line++) text += Array.from({ length: 60 }, letter).join("") + "\n";
    const opened = window.lab.openLesson(text, 1);
    return { opened, link: await window.lab.lessonLink() };
  });
  assert.equal(long.opened.ok, true, long.opened.error);
  assert.equal(long.link.ok, false);
  assert.equal(long.link.link, null);
  assert.match(long.link.error, /^lessonLink\(\): this lesson is \d+\.\d KB as a link, more than the 8 KB a link may carry/);
  assert.deepEqual([...page.errors, ...other.errors], []);
  await context.close();
  await page.context().close();
});

test("every one-character change of a lesson link is refused as damaged, and the lab stays as it was", async () => {
  const page = await openLab(env.browser, env.url);
  const report = await page.evaluate(async () => {
    const lab = window.lab;
    lab.openLesson("chain-rule", 2);
    lab.train(3);
    const link = (await lab.lessonLink({ step: 4 })).link;
    const hash = link.slice(link.indexOf("#"));
    const labNow = () => { const s = lab.state(); delete s.notice; return JSON.stringify([s, lab.lesson({ text: true })]); };
    const before = labNow();
    // Every notice the page shows goes through lab.notice: kept here to read what each refusal said.
    let said = "";
    const notice = lab.notice;
    lab.notice = (text) => { said = text; return notice(text); };
    const replacements = ["A", "z", "0", "9", "-", "_", "&", "=", ".", "#", "~", "%", " ", "\u00e9"];
    const failures = [];
    let tried = 0;
    const started = performance.now();
    try {
      for (let at = 0; at < hash.length; at++) {
        for (const c of [...replacements, ""]) {  // "" is the character lost
          if (c === hash[at]) continue;
          const changed = hash.slice(0, at) + c + hash.slice(at + 1);
          said = "";
          tried++;
          const opened = await window.backpropLabLessons.openHash(changed);
          if (opened !== false || !/damaged/.test(said))
            failures.push({ at, c, opened, said, around: hash.slice(Math.max(0, at - 8), at + 8) });
          if (failures.length >= 10) break;
        }
      }
    } finally {
      lab.notice = notice;
    }
    return { tried, failures, length: hash.length, ms: performance.now() - started, same: labNow() === before, said,
             whole: await window.backpropLabLessons.openHash(hash), step: lab.lesson().step };
  });
  assert.deepEqual(report.failures, [], `changes that were not refused as damaged (of ${report.tried})`);
  assert.ok(report.tried >= report.length * 14, `${report.tried} changes of a ${report.length}-character link`);
  assert.ok(report.same, "the lab and the open lesson are as they were");
  assert.match(report.said, /^This lesson link cannot be opened: it is damaged/, report.said);
  assert.equal(report.whole, true, "the link itself, unchanged, opens");
  assert.equal(report.step, 4);
  console.log(`${report.tried} changes of a ${report.length}-character lesson link refused in ${Math.round(report.ms)} ms`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a lesson link changed in its step or its #lesson= is refused as damaged from the address bar", async () => {
  const maker = await openLab(env.browser, env.url);
  const link = await maker.evaluate(async () => (window.lab.openLesson("chain-rule", 3), (await window.lab.lessonLink()).link));
  await maker.context().close();
  const context = await newLabContext(env.browser);
  for (const hash of [hashOf(link).replace("&step=3&", "&step=4&"), hashOf(link).replace("#lesson=", "#lessom=")]) {
    const page = await openLabPage(context, env.url, { hash });
    const s = await page.evaluate(() => window.lab.state());
    assert.equal(s.lesson.open, false, hash.slice(0, 20));
    assert.match(s.notice, /^This lesson link cannot be opened: it is damaged/, s.notice);
    assert.equal(await page.evaluate(() => location.hash), "", "the damaged link left the address bar");
    // Pasted into the address bar of the open lab (only the hash changes): refused the same way.
    await page.evaluate(() => window.lab.openLesson("chain-rule", 2));
    await settled(page);  // the lesson's own notice ("The lesson has set up the lab...") is shown
    await page.evaluate(() => window.lab.notice(""));
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForFunction(() => /damaged/.test(window.lab.state().notice), null, { timeout: 10000 });
    assert.equal(await page.evaluate(() => window.lab.lesson().step), 2, "the open lesson stays at its step");
    assert.deepEqual(page.errors, []);
    await page.close();
  }
  await context.close();
});

test("a lesson link of the first format, without check digits, opens as it always has", async () => {
  const page = await openLab(env.browser, env.url);
  // Made here as the page made links before check digits: the lesson file, deflate-raw, base64url.
  const hash = await page.evaluate(async () => {
    window.lab.openLesson("chain-rule", 1);
    const text = window.lab.lesson({ text: true }).source;
    window.lab.closeLesson();
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    const data = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    return "#lesson=" + data;
  });
  const context = await newLabContext(env.browser);
  for (const [suffix, step] of [["&step=4", 4], ["&step=2", 2], ["", 1]]) {
    const other = await openLabPage(context, env.url, { hash: hash + suffix });
    const l = await other.evaluate(() => window.lab.lesson());
    assert.equal(l.open, true, `${suffix}: ${await other.evaluate(() => window.lab.state().notice)}`);
    assert.equal(l.title, "The chain rule");
    assert.equal(l.step, step);
    assert.deepEqual(other.errors, []);
    await other.close();
  }
  await context.close();
  await page.context().close();
});

test("the check digits are the standard CRC-32, the one the lab's own links carry", async () => {
  const page = await openLab(env.browser, env.url);
  const r = await page.evaluate(async () => {
    const { crc32 } = await import(new URL("crc32.js", location.href).href);
    // The lab's #lab= link (format 3, src/core/share_link.cpp) ends with the C++ CRC-32 of its bytes.
    window.lab.train(7);
    const payload = window.lab.shareLink().split("#lab=")[1];
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    const body = bytes.subarray(0, bytes.length - 4);
    const stored = new DataView(bytes.buffer).getUint32(bytes.length - 4, true);
    return { check: crc32("123456789"), empty: crc32(""), stored, mine: crc32(body), size: body.length };
  });
  assert.equal(r.check, 0xcbf43926, "CRC-32 of \"123456789\"");
  assert.equal(r.empty, 0);
  assert.ok(r.size > 100, `the link's record is ${r.size} bytes`);
  assert.equal(r.mine, r.stored, "the page's CRC-32 of the link's bytes is the lab's");
  await page.context().close();
});

// mulberry32: a small seeded generator, so a failing case can be run again from its seed.
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The text damaged once: a line lost, doubled or swapped; a character lost, doubled, swapped or
// replaced; or a wild number in a set: line. `how` says which.
function damageOnce(text, random, how) {
  const below = (n) => Math.floor(random() * n);
  const lines = text.split("\n");
  const at = below(text.length);
  const kind = below(8);
  if (kind <= 2) {
    const a = below(lines.length), b = below(lines.length);
    if (kind === 0) lines.splice(a, 1), how.push(`line ${a + 1} lost`);
    if (kind === 1) lines.splice(a, 0, lines[a]), how.push(`line ${a + 1} doubled`);
    if (kind === 2) [lines[a], lines[b]] = [lines[b], lines[a]], how.push(`lines ${a + 1} and ${b + 1} swapped`);
    return lines.join("\n");
  }
  if (kind === 7) {
    const sets = lines.map((l, k) => (/^set:.*=/.test(l) ? k : -1)).filter((k) => k >= 0);
    if (sets.length) {
      const k = sets[below(sets.length)];
      const wild = ["1e999", "-1", "NaN", "0x10", "", "99999999999999999999", String(random() * 10 ** (below(40) - 20)),
                    String(below(2e9) - 1e9)][below(8)];
      lines[k] = lines[k].slice(0, lines[k].indexOf("=") + 1) + " " + wild;
      how.push(`line ${k + 1} is now ${JSON.stringify(lines[k])}`);
      return lines.join("\n");
    }
  }
  if (kind === 3) return how.push(`character ${at} lost`), text.slice(0, at) + text.slice(at + 1);
  if (kind === 4) return how.push(`character ${at} doubled`), text.slice(0, at + 1) + text.slice(at);
  if (kind === 5) return how.push(`characters ${at}, +1 swapped`), text.slice(0, at) + text.slice(at + 1, at + 2) + text.slice(at, at + 1) + text.slice(at + 2);
  const c = below(4) === 0 ? ["\u00e9", "\u2202", "\u{1F600}", "\u00a0", "\ufeff"][below(5)] : String.fromCharCode(below(128));
  how.push(`character ${at} is now ${JSON.stringify(c)}`);
  return text.slice(0, at) + c + text.slice(at + 1);
}

test("fifty lesson texts damaged at random are refused at a line or open as exactly their text", async () => {
  const seed = Number(process.env.BP_MUTATION_SEED || 20261208);
  const random = generator(seed);
  const page = await openLab(env.browser, env.url);
  const names = await page.evaluate(() => window.lab.lessons().map((l) => l.name));
  const texts = [];
  for (const name of names)
    texts.push(await page.evaluate((n) => (window.lab.openLesson(n, 1), window.lab.lesson({ text: true }).source), name));
  await page.evaluate(() => window.lab.closeLesson());
  const cases = [];
  for (let n = 0; n < 50; n++) {
    const how = [];
    let text = texts[n % texts.length];
    for (let k = 1 + Math.floor(random() * 3); k > 0; k--) text = damageOnce(text, random, how);
    cases.push({ n, how: how.join("; "), text });
  }
  const results = await page.evaluate((cases) => {
    const out = [];
    const labNow = () => { const s = window.lab.state(); delete s.notice; return JSON.stringify([s, window.lab.lesson({ text: true })]); };
    for (const c of cases) {
      const before = labNow();
      const started = performance.now();
      const r = window.backpropLabLessons.openText(c.text, "damaged.lesson");  // as a chosen file opens
      const ms = performance.now() - started;
      out.push({ ok: r.ok, error: r.error, ms, unchanged: before === labNow(),
                 source: r.ok ? window.lab.lesson({ text: true }).source : null,
                 notice: window.lab.state().notice,
                 stopped: !document.getElementById("notice").classList.contains("hidden") });
    }
    return out;
  }, cases);
  let opened = 0;
  for (const [k, r] of results.entries()) {
    const where = `seed ${seed}, case ${k}: ${cases[k].how} (BP_MUTATION_SEED=${seed} repeats it)`;
    assert.equal(r.stopped, false, `${where}: the lab stopped`);
    assert.ok(r.ms < 1000, `${where}: openLesson took ${r.ms} ms`);
    if (r.ok) {
      opened++;
      assert.equal(r.source, cases[k].text, `${where}: the lesson open is the text`);
    } else {
      assert.match(r.error, /line \d+|the file is empty|has no steps/, `${where}: ${r.error}`);
      assert.match(r.notice, /^damaged\.lesson: /, `${where}: the notice names the file: ${r.notice}`);
      assert.ok(r.unchanged, `${where}: a refused lesson changed the lab or the open lesson`);
    }
  }
  assert.ok(opened > 0 && opened < results.length, `${opened} of ${results.length} opened: both outcomes are tested`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
