// Hostile calls in the page: arguments nested 20,000 deep are refused with {ok: false} every time,
// the lab keeps answering and keeps drawing frames.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openLab, waitUntil } from "./harness.mjs";

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

test("if the WebAssembly ever traps, the page says so and offers a reload instead of freezing silently", async () => {
  const page = await openLab(env.browser, env.url);
  page.errors.length = 0;
  await page.evaluate(() => {
    window.dispatchEvent(new ErrorEvent("error", { error: new WebAssembly.RuntimeError("memory access out of bounds") }));
  });
  const notice = page.locator("#notice");
  await notice.waitFor({ state: "visible" });
  assert.match(await notice.innerText(), /stopped after an internal error[\s\S]*reload/i);
  assert.equal(await page.locator("#notice button").innerText(), "Reload the lab");
  const r = await page.evaluate(() => window.lab.train(1));
  assert.equal(r.ok, false);
  page.errors.length = 0;  // the simulated trap is reported on the console on purpose
});
