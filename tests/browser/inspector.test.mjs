// The chain-rule inspector in the browser: a whole step phase by phase through the API, the chain
// rule of w¹₁₁ on the seed network, and selecting a weight by clicking its edge on the canvas.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useBrowser, openLab, screenshotDir, settled, waitUntil } from "./harness.mjs";

const env = useBrowser();

const close = (a, b, tol) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

test("one step, phase by phase, shows each phase's values", async () => {
  const page = await openLab(env.browser, env.url);
  const result = await page.evaluate(() => {
    const s0 = window.lab.state();
    const phases = [];
    const snapshots = [];
    for (let k = 0; k < 8; ++k) {
      phases.push(window.lab.phase());
      snapshots.push(window.lab.pass());
    }
    return { s0, phases, snapshots, s1: window.lab.state(), grads: window.lab.gradients() };
  });
  const { s0, phases, snapshots, s1, grads } = result;
  assert.deepEqual(phases.map((p) => [p.phase, p.layer]),
    [["forward", 1], ["forward", 2], ["forward", 3], ["loss", 3], ["backward", 3], ["backward", 2], ["backward", 1], ["update", null]]);
  // Forward, layer 1: z¹ = x W¹ + b¹ and a¹ = tanh(z¹) for every sample of the batch.
  const f1 = snapshots[0];
  assert.equal(f1.rows, 10);
  for (let s = 0; s < f1.rows; ++s)
    for (let j = 0; j < 3; ++j) {
      let z = s0.biases[0][j];
      for (let i = 0; i < 4; ++i) z += f1.a[0][s][i] * s0.weights[0][i][j];
      assert.ok(close(f1.z[0][s][j], z, 1e-12), `z¹ of sample ${s}`);
      assert.ok(close(f1.a[1][s][j], Math.tanh(z), 1e-12), `a¹ of sample ${s}`);
    }
  // Loss: mse per sample, ½(ŷ − y)².
  const loss = snapshots[3];
  for (let s = 0; s < loss.rows; ++s) assert.ok(close(loss.loss[s], 0.5 * (loss.a[3][s][0] - loss.y[s]) ** 2, 1e-12));
  // Backward, layer 3: δ³ = (ŷ − y) ŷ (1 − ŷ) for mse with a sigmoid output.
  const b3 = snapshots[4];
  for (let s = 0; s < b3.rows; ++s) {
    const yh = b3.a[3][s][0];
    assert.ok(close(b3.delta[2][s][0], (yh - b3.y[s]) * yh * (1 - yh), 1e-12));
  }
  // Update: every weight moved by exactly −α·g.
  assert.equal(s1.step, 1);
  for (let l = 0; l < 3; ++l)
    for (let i = 0; i < s0.weights[l].length; ++i)
      for (let j = 0; j < s0.weights[l][i].length; ++j)
        assert.equal(s1.weights[l][i][j], s0.weights[l][i][j] - s0.learningRate * grads.weights[l][i][j]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("lab.chainRule(1,1,1) on the seed network: 2 paths whose sum is backprop and numeric", async () => {
  const page = await openLab(env.browser, env.url);
  const r = await page.evaluate(() => { window.lab.train(50); window.lab.inspect({ batchSample: 2 }); return window.lab.chainRule(1, 1, 1); });
  assert.equal(r.paths.length, 2);
  assert.equal(r.pathCount, 2);
  assert.equal(r.parameter, "w¹₁₁");
  assert.equal(r.sample.source, "batch");
  assert.equal(r.sample.batchSample, 2);
  assert.ok(close(r.paths[0].product + r.paths[1].product, r.sum, 1e-14));
  assert.ok(close(r.sum, r.backprop, 1e-9));
  assert.ok(close(r.numeric, r.backprop, 1e-6));
  assert.equal(r.paths[0].factors.length, 7);
  assert.deepEqual(r.paths[0].factors.map((f) => f.symbol).slice(0, 2), ["∂L/∂ŷ", "∂ŷ/∂z³₁"]);
  await page.context().close();
});

test("clicking an edge on the canvas selects that weight", async () => {
  const page = await openLab(env.browser, env.url);
  const { nodes } = await page.evaluate(() => window.lab.layout());
  assert.equal(nodes.length, 4);
  // A quarter of the way along the edge from input 2 to neuron 3 of layer 1: w¹₂₃.
  const a = nodes[0][1], b = nodes[1][2];
  const before = await page.evaluate(() => window.lab.selection().selected.symbol);
  assert.notEqual(before, "w¹₂₃", "not selected before the click");
  await page.mouse.click(a.x + (b.x - a.x) / 4, a.y + (b.y - a.y) / 4);
  await waitUntil(page, (was) => window.lab.selection().selected.symbol !== was, before, "the click to select a weight");
  const sel = await page.evaluate(() => window.lab.selection());
  assert.equal(sel.selected.symbol, "w¹₂₃");
  assert.equal(sel.selected.layer, 1);
  assert.equal(sel.selected.i, 2);
  assert.equal(sel.selected.j, 3);
  await page.screenshot({ path: join(screenshotDir, "screenshot-inspector.png") });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the Landscape tab shows, and lab.landscape's centre is the lab's loss", async () => {
  const page = await openLab(env.browser, env.url);
  const r = await page.evaluate(() => {
    window.lab.train(100);
    window.lab.select({ layer: 1, i: 1, j: 1 });
    const shown = window.lab.showView("landscape");
    const grid = window.lab.landscape({ a: { layer: 1, i: 1, j: 1 }, b: { layer: 1, i: 2, j: 1 }, span: 1, n: 21 });
    return { shown, grid, state: window.lab.state() };
  });
  assert.equal(r.shown.ok, true);
  assert.equal(r.state.lossTab, "landscape");
  assert.equal(r.grid.losses.length, 21);
  assert.equal(r.grid.losses[10][10], r.state.trainingLoss);
  assert.equal(r.grid.point[0], r.state.weights[0][0][0]);
  await settled(page);
  const loss = (await page.evaluate(() => window.lab.layout())).views.loss;
  assert.ok(loss && loss.bottom - loss.top > 400, "the loss view takes most of the left column for the landscape");
  await page.screenshot({ path: join(screenshotDir, "screenshot-landscape.png") });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
