// Hostile calls in the page: arguments nested 20,000 deep are refused with {ok: false} every time,
// the lab keeps answering and keeps drawing frames.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openLab } from "./harness.mjs";

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
  await page.waitForTimeout(500);
  const frames = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok(window.lab.state().step))));
  assert.ok(frames >= 5, "the lab still answers after the hostile calls");
  assert.ok(Number.isFinite(before));
});
