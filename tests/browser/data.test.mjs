// Live data in the browser: clicking the data canvas adds a point where it was clicked, dragging
// moves it, Ctrl+Z undoes the move; XOR with the x1·x2 feature trains; the GPU-drawn output behind
// the points, and the neuron maps in the network and on the plane, agree with the C++ forward pass.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useBrowser, openLab, screenshotDir, settled, waitUntil } from "./harness.mjs";

const env = useBrowser();

// Screen position of plane coordinates, and back, from the data view's rectangle.
const toScreen = (p, x1, x2) => ({
  x: p.left + ((x1 + p.extent) / (2 * p.extent)) * (p.right - p.left),
  y: p.top + ((p.extent - x2) / (2 * p.extent)) * (p.bottom - p.top),
});

test("click adds a point where it was clicked; drag moves it; Ctrl+Z undoes the move", async () => {
  const page = await openLab(env.browser, env.url);
  await page.evaluate(() => window.lab.configure({ pointCount: 10 }));
  await settled(page);  // drawn with the ten points, so layout() is this frame's
  const { dataPlane: plane } = await page.evaluate(() => window.lab.layout());
  const n = (await page.evaluate(() => window.lab.points())).length;
  // An empty spot: away from the ten points.
  const at = toScreen(plane, 1.2, -1.5);
  await page.mouse.click(at.x, at.y);
  await waitUntil(page, (count) => window.lab.points().length > count, n, "the click to add a point");
  await settled(page);  // a second point would be added by now
  let points = await page.evaluate(() => window.lab.points());
  assert.equal(points.length, n + 1, "the click added one point");
  const added = points[n];
  const pixel = (plane.right - plane.left) / (2 * plane.extent);  // screen pixels per plane unit
  assert.ok(Math.abs(added.x[0] - 1.2) < 1.5 / pixel && Math.abs(added.x[1] + 1.5) < 1.5 / pixel,
    `added at (${added.x}) for a click at (1.2, -1.5)`);
  assert.equal(added.y, 1, "class 1 is the default");

  // Drag it to (-0.5, 0.8).
  const to = toScreen(plane, -0.5, 0.8);
  const from = toScreen(plane, added.x[0], added.x[1]);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= 8; ++k) {
    await page.mouse.move(from.x + ((to.x - from.x) * k) / 8, from.y + ((to.y - from.y) * k) / 8);
    await settled(page);  // the lab has drawn a frame with the pointer here
  }
  await page.mouse.up();
  await settled(page);
  points = await page.evaluate(() => window.lab.points());
  assert.equal(points.length, n + 1);
  assert.ok(Math.abs(points[n].x[0] + 0.5) < 2 / pixel && Math.abs(points[n].x[1] - 0.8) < 2 / pixel,
    `dragged to (${points[n].x})`);

  await page.keyboard.press("Control+z");
  await settled(page);
  points = await page.evaluate(() => window.lab.points());
  assert.deepEqual(points[n].x, added.x, "undo puts it back where it was added");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("switching to XOR with x1·x2 trains to a low loss", async () => {
  const page = await openLab(env.browser, env.url);
  const r = await page.evaluate(() => {
    const ok = window.lab.configure({ dataset: "xor", features: ["x1", "x2", "x1x2"], learningRate: 0.3 });
    const start = window.lab.state().trainingLoss;
    return { ok, start, end: window.lab.train(3000), layers: window.lab.state().layers };
  });
  assert.equal(r.ok.ok, true);
  assert.deepEqual(r.layers, [3, 3, 2, 1]);
  assert.ok(r.end < 0.03, `XOR loss ${r.end} (from ${r.start})`);
  await page.context().close();
});

test("the output drawn behind the points agrees with the network's forward pass", async () => {
  const page = await openLab(env.browser, env.url);
  await page.evaluate(() => { window.lab.configure({ pointCount: 12 }); window.lab.train(150); });
  await settled(page);  // the plane shows the trained network
  const { dataPlane: plane } = await page.evaluate(() => window.lab.layout());
  const points = await page.evaluate(() => window.lab.points());
  const shot = await page.screenshot({ path: join(screenshotDir, "screenshot-data.png") });
  // Sample a grid of positions away from the points; read the pixel colours in the page.
  const samples = [];
  for (let a = -1.8; a <= 1.8; a += 0.45)
    for (let b = -1.8; b <= 1.8; b += 0.45) {
      const s = toScreen(plane, a, b);
      const clear = points.every((p) => { const q = toScreen(plane, p.x[0], p.x[1]); return Math.hypot(q.x - s.x, q.y - s.y) > 16; });
      if (clear) samples.push({ a, b, x: Math.round(s.x), y: Math.round(s.y) });
    }
  const colours = await page.evaluate(async ({ png, samples }) => {
    const img = await createImageBitmap(await (await fetch("data:image/png;base64," + png)).blob());
    const ctx = new OffscreenCanvas(img.width, img.height).getContext("2d");
    ctx.drawImage(img, 0, 0);
    return samples.map((s) => Array.from(ctx.getImageData(s.x, s.y, 1, 1).data));
  }, { png: shot.toString("base64"), samples });
  const predictions = await page.evaluate((s) => s.map(({ a, b }) => window.lab.predict(a, b)), samples);
  assert.ok(samples.length > 40, "enough clear sample positions");
  let worst = 0;
  for (let k = 0; k < samples.length; ++k) {
    const [r, , b] = colours[k];
    // Invert the colour map: white at y-hat = 0.5, blue (37, 99, 235) or orange (234, 88, 12) at 45%.
    const t = b >= r ? (255 - r) / (255 - 37) : -(255 - b) / (255 - 12);
    const yHat = (t / 0.45 + 1) / 2;
    worst = Math.max(worst, Math.abs(yHat - predictions[k]));
  }
  assert.ok(worst < 0.03, `largest difference between the drawn and the computed y-hat: ${worst}`);

  // Discretized, the plane holds only the two classes at full tint, each where y-hat is on its side
  // of 0.5 (positions within 0.02 of the boundary are skipped: a pixel's centre decides them).
  assert.deepEqual(await page.evaluate(() => window.lab.display({ discretize: true })), { ok: true, error: null });
  await settled(page);
  const sharp = await pixels(page, await page.screenshot(), samples);
  let checked = 0;
  for (let k = 0; k < samples.length; ++k) {
    if (Math.abs(predictions[k] - 0.5) < 0.02) continue;
    const t = shadeOf(sharp[k]);
    assert.ok(Math.abs(Math.abs(t) - 1) < 0.05 && (t > 0) === (predictions[k] > 0.5),
              `at (${samples[k].a}, ${samples[k].b}) y-hat ${predictions[k]} is drawn as ${sharp[k]}`);
    ++checked;
  }
  assert.ok(checked > 30, `enough positions clear of the boundary: ${checked}`);
  await page.context().close();
});

// The colours of the screenshot at the given CSS pixels (deviceScaleFactor 1), read in the page.
async function pixels(page, shot, at) {
  return page.evaluate(async ({ png, at }) => {
    const img = await createImageBitmap(await (await fetch("data:image/png;base64," + png)).blob());
    const ctx = new OffscreenCanvas(img.width, img.height).getContext("2d");
    ctx.drawImage(img, 0, 0);
    return at.map((s) => Array.from(ctx.getImageData(s.x, s.y, 1, 1).data));
  }, { png: shot.toString("base64"), at });
}

// The map colour scale inverted (app/ui/map_shade.h): white at 0, blue (37, 99, 235) at +1 and
// orange (234, 88, 12) at -1, 45 % strong.
const shadeOf = ([r, , b]) => (b >= r ? (255 - r) / (255 - 37) : -(255 - b) / (255 - 12)) / 0.45;

test("each neuron's map, in its circle and large on the plane while hovered, agrees with lab.neuronMap", async () => {
  const page = await openLab(env.browser, env.url);
  await page.evaluate(() => { window.lab.configure({ pointCount: 12 }); window.lab.train(150); });
  await settled(page);
  const layout = await page.evaluate(() => window.lab.layout());
  assert.equal(layout.neuronMaps, true, "the GPU drew the maps");
  assert.equal(layout.dataShows, null, "the plane shows the output");
  // Hovering a¹₃ puts its map on the plane, under a caption, with the points over it (its tooltip
  // opens down and to the right, clear of the plane and of a¹₁ above it).
  const r = layout.radius, h = layout.nodes[1][2];
  await page.mouse.move(h.x, h.y + r * 0.5);
  await settled(page);
  const hovered = await page.evaluate(() => window.lab.layout());
  assert.deepEqual(hovered.dataShows, { layer: 1, j: 3 });
  const shot = await page.screenshot({ path: join(screenshotDir, "screenshot-neuron-maps.png") });

  // a¹₁ (tanh: t = a) in its circle: lab.neuronMap's 13 x 13 grid points that lie well inside the
  // circle, away from the number across its middle and from the inspected point's ring.
  const n = 13, c = layout.nodes[1][0];
  const { values } = await page.evaluate((n) => window.lab.neuronMap(1, 1, n), n);
  const ring = await page.evaluate(() => window.lab.points()[window.lab.selection().sample.pointIndex].x);
  const ringAt = { x: c.x + (ring[0] / 2) * r, y: c.y - (ring[1] / 2) * r };
  const inCircle = [];
  for (let row = 0; row < n; ++row)
    for (let col = 0; col < n; ++col) {
      const u = -1 + (2 * col) / (n - 1), v = 1 - (2 * row) / (n - 1);  // -1..1 across the circle's square
      const x = Math.round(c.x + u * r - 0.5), y = Math.round(c.y - v * r - 0.5);
      if (Math.hypot(u, v) > 0.8 || Math.abs(v) < 0.45 || Math.hypot(x - ringAt.x, y - ringAt.y) < 0.12 * r + 5) continue;
      inCircle.push({ x, y, expected: Math.max(-1, Math.min(1, values[row][col])) });
    }
  assert.ok(inCircle.length >= 20, `enough sample points in the circle: ${inCircle.length}`);
  let colours = await pixels(page, shot, inCircle);
  const off = inCircle.map((s, k) => ({ ...s, drawn: shadeOf(colours[k]) })).filter((s) => Math.abs(s.drawn - s.expected) > 0.06);
  assert.deepEqual(off, [], `circle pixels that differ from lab.neuronMap (of ${inCircle.length})`);

  // The plane: a¹₃ at 9 x 9 grid points clear of the points.
  const plane = hovered.dataPlane;
  const points = await page.evaluate(() => window.lab.points());
  const big = (await page.evaluate(() => window.lab.neuronMap(1, 3, 9))).values;
  const onPlane = [];
  for (let row = 0; row < 9; ++row)
    for (let col = 0; col < 9; ++col) {
      const a = -2 + col * 0.5, b = 2 - row * 0.5;
      if (Math.abs(a) > 1.9 || Math.abs(b) > 1.9) continue;  // the plane's border line
      const s = toScreen(plane, a, b);
      const clear = points.every((p) => { const q = toScreen(plane, p.x[0], p.x[1]); return Math.hypot(q.x - s.x, q.y - s.y) > 16; });
      if (clear) onPlane.push({ x: Math.round(s.x), y: Math.round(s.y), expected: Math.max(-1, Math.min(1, big[row][col])) });
    }
  colours = await pixels(page, shot, onPlane);
  let worst = 0;
  for (let k = 0; k < onPlane.length; ++k) worst = Math.max(worst, Math.abs(shadeOf(colours[k]) - onPlane[k].expected));
  assert.ok(onPlane.length > 30 && worst < 0.05, `largest difference on the plane: ${worst} over ${onPlane.length} points`);

  // Leaving the neuron brings the output back.
  await page.mouse.move(plane.left - 30, plane.bottom + 60);
  await settled(page);
  assert.equal((await page.evaluate(() => window.lab.layout())).dataShows, null);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
