// Hostile calls in the page: arguments nested 20,000 deep, texts of megabytes and options that are
// not options are refused with {ok: false} (shareLink, which answers with a link, throws an Error
// with the message), the lab keeps answering and keeps drawing frames; if it ever stops, it says so
// on a panel that can be read over the lab's last frame.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useBrowser, openLab, waitUntil, screenshotDir } from "./harness.mjs";

const env = useBrowser();

test("deeply nested arguments, 200 times, are refused and the lab keeps working", async () => {
  const page = await openLab(env.browser, env.url);
  const outcome = await page.evaluate(() => {
    let deep = 1;
    for (let k = 0; k < 20000; ++k) deep = [deep];
    const results = [];
    for (let k = 0; k < 200; ++k) {
      results.push(window.lab.select({ layer: deep, i: 1, j: 1 }));
      if (k % 20 === 0) results.push(window.lab.importWeights("[".repeat(50000)));
    }
    const refused = results.every((r) => r && r.ok === false && typeof r.error === "string");
    return { refused, sample: results[0], after: window.lab.select({ layer: 2, i: 1, j: 1 }), step: window.lab.train(5) };
  });
  assert.equal(outcome.refused, true, JSON.stringify(outcome.sample));
  assert.deepEqual(outcome.after, { ok: true, error: null });
  assert.equal(typeof outcome.step, "number");
  const before = (await page.evaluate(() => window.lab.stats())).fps;
  assert.ok(Number.isFinite(before));
  // Its frames still run: playing, it trains in them.
  const step = await page.evaluate(() => { window.lab.play(true); return window.lab.state().step; });
  await waitUntil(page, (s) => window.lab.state().step > s, step, "the lab to train in its frames after the hostile calls");
});

test("null, NaN and absurd coordinates are refused by train, play and predict", async () => {
  const page = await openLab(env.browser, env.url);
  const r = await page.evaluate(() => ({
    trainNull: window.lab.train(null),
    playNull: window.lab.play(null),
    playNaN: window.lab.play(NaN),
    playing: window.lab.state().playing,
    step: window.lab.state().step,
    predict: window.lab.predict(-1e308, 1e308),
    predictInf: window.lab.predict(Infinity, 0),
    trainDefault: window.lab.train(),
  }));
  for (const key of ["trainNull", "playNull", "playNaN", "predict", "predictInf"])
    assert.equal(r[key].ok, false, `${key}: ${JSON.stringify(r[key])}`);
  assert.equal(r.playing, false);
  assert.equal(r.step, 0);
  assert.equal(typeof r.trainDefault, "number");
});

test("arguments that cannot be sent, texts too long and options that are not options are refused", async () => {
  const page = await openLab(env.browser, env.url);
  const r = await page.evaluate(() => {
    let deep = 1;
    for (let k = 0; k < 20000; ++k) deep = [deep];
    const thrown = (f) => { try { return { link: f() }; } catch (e) { return { type: e.constructor.name, message: e.message }; } };
    const cyclic = {};
    cyclic.self = cyclic;
    const memory = window.lab._memoryBytes();
    const huge = {
      notice: window.lab.notice("W".repeat(10 * 1024 * 1024)),
      csv: window.lab.importCsv("x1,x2,y\n" + "0.5,0.25,1\n".repeat(1000000)),
      lesson: window.lab.openLesson("lesson: L\n" + "x".repeat(20 * 1024 * 1024)),
    };
    return {
      deepLink: window.lab.openLink(deep),
      ...huge,
      grown: window.lab._memoryBytes() - memory,
      long: window.lab.notice("W".repeat(1001)),
      shown: window.lab.state().notice,
      text: thrown(() => window.lab.shareLink("abc")),
      nan: thrown(() => window.lab.shareLink(NaN)),
      fn: thrown(() => window.lab.shareLink(() => ({ start: true }))),
      big: thrown(() => window.lab.shareLink({ start: 1n })),
      cyclic: thrown(() => window.lab.shareLink(cyclic)),
      none: thrown(() => window.lab.shareLink()),
      spaced: window.lab.openLink("  " + window.lab.shareLink() + " "),
      after: window.lab.train(3),
    };
  });
  assert.equal(r.deepLink.ok, false, JSON.stringify(r.deepLink));
  assert.match(r.deepLink.error, /^openLink\(\): the arguments cannot be sent to the lab/);
  // Texts of megabytes are refused before they reach the lab's memory, which does not grow.
  assert.deepEqual(r.notice, { ok: false, error: "notice(): the arguments are 10,485,764 characters; a call takes at most 4,194,304" });
  assert.match(r.csv.error, /^importCsv\(\): the arguments are 12,000,013 characters; a call takes at most 4,194,304$/);
  assert.match(r.lesson.error, /^openLesson\(\): the arguments are 20,[0-9,]+ characters/);
  assert.equal(r.grown, 0);
  assert.deepEqual(r.long, { ok: false, error: "notice(): a notice is at most 1000 characters; this one is 1001 characters" });
  assert.equal(r.shown, "");
  for (const key of ["text", "nan", "fn"])
    assert.deepEqual(r[key], { type: "Error", message: "shareLink(): takes nothing, or options {start, locks}" }, key);
  for (const key of ["big", "cyclic"]) {
    assert.equal(r[key].type, "Error", key);
    assert.match(r[key].message, /^shareLink\(\): the arguments cannot be sent to the lab: /, key);
  }
  assert.match(r.none.link, /#lab=/);
  assert.deepEqual(r.spaced, { ok: true, error: null });
  assert.equal(typeof r.after, "number");
  // Its frames still run after the refused notice: playing, it trains in them.
  const step = await page.evaluate(() => { window.lab.play(true); return window.lab.state().step; });
  await waitUntil(page, (s) => window.lab.state().step > s, step, "the lab to train in its frames after the long notice");
});

// WCAG's contrast ratio of two "rgb(r, g, b)" colours.
function contrast(a, b) {
  const luminance = (css) => {
    const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
const opaque = (css) => /^rgb\(/.test(css) || /^rgba\(.*, 1\)$/.test(css);

for (const [name, size] of [["desktop", { width: 1440, height: 900 }], ["phone", { width: 390, height: 844, hasTouch: true, isMobile: true }]])
  test(`if the WebAssembly ever traps, the page says so on an opaque panel with a reload button (${name})`, async () => {
    const page = await openLab(env.browser, env.url, size);
    await page.evaluate(() => window.lab.train(40));  // something drawn under the panel
    page.errors.length = 0;
    await page.evaluate(() => {
      window.dispatchEvent(new ErrorEvent("error", { error: new WebAssembly.RuntimeError("memory access out of bounds") }));
    });
    const notice = page.locator("#notice");
    await notice.waitFor({ state: "visible" });
    assert.match(await notice.innerText(), /stopped after an internal error[\s\S]*reload/i);
    const button = page.locator("#notice button");
    assert.equal(await button.innerText(), "Reload the lab");
    const look = await page.evaluate(() => {
      const style = (el) => getComputedStyle(el);
      const box = document.querySelector("#notice .box");
      const rect = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
      return {
        shade: style(document.getElementById("notice")).backgroundColor,
        panel: style(box).backgroundColor,
        text: style(box.querySelector("p")).color,
        title: style(box.querySelector("h1")).color,
        box: rect(box),
        button: rect(box.querySelector("button")),
        covers: rect(document.getElementById("notice")),
        top: document.elementFromPoint(innerWidth / 2, innerHeight / 2).closest("#notice") !== null,
        view: { width: innerWidth, height: innerHeight },
      };
    });
    await page.screenshot({ path: join(screenshotDir, `screenshot-stopped-${name}.png`) });
    assert.ok(opaque(look.shade), "the shade over the lab is opaque: " + look.shade);
    assert.ok(opaque(look.panel), "the panel is opaque: " + look.panel);
    assert.ok(contrast(look.text, look.panel) >= 4.5, `${look.text} on ${look.panel}`);
    assert.ok(contrast(look.title, look.panel) >= 4.5, `${look.title} on ${look.panel}`);
    assert.deepEqual(look.covers, { left: 0, top: 0, right: look.view.width, bottom: look.view.height });
    assert.ok(look.top, "the notice is above the lab");
    for (const part of ["box", "button"]) {
      const r = look[part];
      assert.ok(r.left >= 0 && r.top >= 0 && r.right <= look.view.width && r.bottom <= look.view.height, `${part} ${JSON.stringify(r)}`);
    }
    assert.ok(look.button.bottom - look.button.top >= 44);
    const r = await page.evaluate(() => window.lab.train(1));
    assert.equal(r.ok, false);
    page.errors.length = 0;  // the simulated trap is reported on the console on purpose
  });
