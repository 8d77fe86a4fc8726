// Touch on a phone (390×844 at devicePixelRatio 3) and a tablet (820×1180 at 2): a tap on empty plane
// adds exactly one point where it landed; a tap on a point and then taps elsewhere never move it; a
// long-press removes a point; two fingers zoom the plane and add nothing; a vertical swipe over the
// controls scrolls them with the finger and changes no setting. Positions come from lab.layout(), never from
// hard-coded pixels, so the tests follow the window's layout.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useBrowser, openLab, screenshotDir, settled, waitUntil } from "./harness.mjs";

const env = useBrowser();

const screens = [
  { name: "phone", width: 390, height: 844, deviceScaleFactor: 3 },
  { name: "tablet", width: 820, height: 1180, deviceScaleFactor: 2 },
];

// Plane coordinates to CSS pixels and back, from lab.layout().dataPlane.
const toScreen = (p, x1, x2) => ({
  x: p.left + ((x1 + p.extent) / (2 * p.extent)) * (p.right - p.left),
  y: p.top + ((p.extent - x2) / (2 * p.extent)) * (p.bottom - p.top),
});
const toPlane = (p, x, y) => [
  -p.extent + (2 * p.extent * (x - p.left)) / (p.right - p.left),
  p.extent - (2 * p.extent * (y - p.top)) / (p.bottom - p.top),
];

// Checks fn in the page every frame until it returns something truthy (frames in headless Chromium
// are slow: a generous limit).
const waitFor = (page, fn, arg, what, ms = 10000) => waitUntil(page, fn, arg, what, ms);

// Five points on a cross (the corners at ±1 and one at (1.5, 0)): every test knows where they are.
const kPoints = "x1,x2,y,split\n-1,1,1,train\n1,1,0,train\n-1,-1,0,train\n1,-1,1,train\n1.5,0,1,train\n";

// Opens the lab with the known points and the data plane on screen (a phone shows it with the network).
async function openTouchLab(screen) {
  const page = await openLab(env.browser, env.url, { ...screen, hasTouch: true, isMobile: true });
  await page.evaluate((csv) => window.lab.importCsv(csv), kPoints);
  return page;
}

// Shows the view with the data plane and returns where it is once it stays put (a notice appearing
// above it, such as the import's, moves it).
async function showPlane(page) {
  await page.evaluate(() => window.lab.showView && window.lab.showView("network"));
  let last = "";
  for (let k = 0; k < 40; ++k) {
    const plane = await page.evaluate(() => window.lab.layout().dataPlane);
    const now = JSON.stringify(plane);
    if (now === last && plane.right - plane.left > 50) return plane;
    last = now;
    await settled(page);  // the same over the frames between two reads: it stays put
  }
  assert.fail(`the data plane did not settle on screen: ${last}`);
}

// Whole CSS pixels (a touch's position is reported in whole pixels).
const pixelAt = (plane, x1, x2) => {
  const s = toScreen(plane, x1, x2);
  return { x: Math.round(s.x), y: Math.round(s.y) };
};
const points = (page) => page.evaluate(() => window.lab.points());
const cdpTouch = (cdp, type, touchPoints) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints });

// How far the content moved up between two screenshots of a panel, in device pixels: the shift that
// best lines up the rows of the first (their mean brightness, left of the scroll bar) with the second.
async function contentShift(page, first, second) {
  const rows = (png) => page.evaluate(async (data) => {
    const img = await createImageBitmap(await (await fetch("data:image/png;base64," + data)).blob());
    const ctx = new OffscreenCanvas(img.width, img.height).getContext("2d");
    ctx.drawImage(img, 0, 0);
    const w = Math.floor(img.width * 0.8), pixels = ctx.getImageData(0, 0, w, img.height).data;
    const out = [];
    for (let y = 0; y < img.height; ++y) {
      let sum = 0;
      for (let x = 0; x < w; ++x) sum += pixels[(y * w + x) * 4] + pixels[(y * w + x) * 4 + 1] + pixels[(y * w + x) * 4 + 2];
      out.push(sum / w);
    }
    return out;
  }, png.toString("base64"));
  const [a, b] = [await rows(first), await rows(second)];
  const h = a.length, top = Math.floor(h * 0.2);  // below any tab bar at the panel's top
  let best = 0, bestError = Infinity;
  for (let s = 0; s < h / 2; ++s) {
    let error = 0, n = 0;
    for (let y = top; y + s < h; ++y, ++n) error += Math.abs(a[y + s] - b[y]);
    if (error / n < bestError) [best, bestError] = [s, error / n];
  }
  return best;
}

for (const screen of screens) {
  test(`${screen.name} (${screen.width}×${screen.height}, devicePixelRatio ${screen.deviceScaleFactor}): touch`, async (t) => {
    const page = await openTouchLab(screen);
    const cdp = await page.context().newCDPSession(page);

    await t.test("the first tap on a neuron shows its map on the plane until the next touch", async () => {
      await showPlane(page);
      const node = (await page.evaluate(() => window.lab.layout())).nodes[1][1];
      await page.touchscreen.tap(Math.round(node.x), Math.round(node.y));
      await waitFor(page, () => window.lab.layout().dataShows, null, "the tapped neuron's map on the plane");
      // Kept as a time on purpose: the map must stay for as long as the finger is away (no hover
      // timeout, no switch of the style from mouse to touch), which only a stretch of time shows.
      await page.waitForTimeout(1000);  // the page was a touch page from the start: nothing moves under the tap
      assert.deepEqual(await page.evaluate(() => window.lab.layout().dataShows), { layer: 1, j: 2 });
    });

    await t.test("a tap on empty plane adds exactly one point where it landed", async () => {
      const plane = await showPlane(page);
      const before = (await points(page)).length;
      const at = pixelAt(plane, -1.5, -0.2);
      await page.touchscreen.tap(at.x, at.y);
      await waitFor(page, (n) => window.lab.points().length > n, before, "the tap to add a point");
      await settled(page);  // the lab has drawn the frames after the tap: a second point would be there
      const after = await points(page);
      assert.equal(after.length, before + 1, "one tap, one point");
      const [x1, x2] = toPlane(plane, at.x, at.y);
      const pixel = (2 * plane.extent) / (plane.right - plane.left);  // plane units per CSS pixel
      const added = after[before].x;
      assert.ok(Math.abs(added[0] - x1) < 1.01 * pixel && Math.abs(added[1] - x2) < 1.01 * pixel,
        `added at (${added}) for a tap at (${x1.toFixed(3)}, ${x2.toFixed(3)})`);
      await page.screenshot({ path: join(screenshotDir, `screenshot-touch-${screen.name}.png`) });
    });

    await t.test("a tap on a point inspects it, and taps elsewhere never move it", async () => {
      const plane = await showPlane(page);
      const before = await points(page);
      const k = 3;  // (1, -1)
      const target = pixelAt(plane, 1, -1);
      await page.touchscreen.tap(target.x + 6, target.y - 5);  // a fingertip a little off the dot still takes it
      await waitFor(page, (i) => window.lab.selection().sample.pointIndex === i, k, "the tapped point to be inspected");
      const neuron = (await page.evaluate(() => window.lab.layout())).nodes[1][0];  // then a neuron of layer 1
      await page.touchscreen.tap(Math.round(neuron.x), Math.round(neuron.y));
      await waitFor(page, () => { const d = window.lab.layout().dataShows; return d && d.layer === 1 && d.j === 1; }, null,
                    "the tapped neuron's map on the plane");
      const spot = pixelAt(plane, 0.2, 1.6);  // and empty plane
      await page.touchscreen.tap(spot.x, spot.y);
      await waitFor(page, (n) => window.lab.points().length > n, before.length, "the tap on empty plane to add a point");
      await settled(page);
      const after = await points(page);
      assert.equal(after.length, before.length + 1);
      assert.deepEqual(after[k].x, before[k].x, "the inspected point stayed where it was");
    });

    await t.test("a long-press on a point removes it", async () => {
      const plane = await showPlane(page);
      const before = await points(page);
      const at = pixelAt(plane, 1, 1);
      await cdpTouch(cdp, "touchStart", [{ x: at.x, y: at.y, id: 1 }]);
      // Kept as a time on purpose: the gesture is a finger held still for the long-press time (0.5 s);
      // a ring around the point fills up meanwhile.
      await page.waitForTimeout(850);
      await cdpTouch(cdp, "touchEnd", []);
      await waitFor(page, (n) => window.lab.points().length < n, before.length, "the long-press to remove the point");
      await settled(page);  // a point added as the finger lifted would be there by now
      const after = await points(page);
      assert.equal(after.length, before.length - 1, "one point removed, none added when the finger lifted");
      assert.ok(!after.some((p) => p.x[0] === 1 && p.x[1] === 1), "the held point is the one gone");
    });

    await t.test("two fingers zoom the plane about them and add no point", async () => {
      const plane = await showPlane(page);
      const count = (await points(page)).length;
      const centre = pixelAt(plane, 0, 0);
      const [c1, c2] = toPlane(plane, centre.x, centre.y);
      const fingers = (half) => [{ x: centre.x - half, y: centre.y, id: 1 }, { x: centre.x + half, y: centre.y, id: 2 }];
      await cdpTouch(cdp, "touchStart", fingers(20));
      for (let half = 25; half <= 50; half += 5) await cdpTouch(cdp, "touchMove", fingers(half));
      await cdpTouch(cdp, "touchEnd", []);
      const zoomed = await waitFor(page, (w) => {
        const p = window.lab.layout().dataPlane;
        return p.right - p.left > 2 * w ? p : null;
      }, plane.right - plane.left, "the plane to zoom in");
      assert.ok(zoomed.right - zoomed.left < 2.6 * (plane.right - plane.left), "zoomed by the fingers' 2.5×");
      const [z1, z2] = toPlane(zoomed, centre.x, centre.y);  // the plane point between the fingers stays there
      const pixel = (2 * plane.extent) / (plane.right - plane.left);
      assert.ok(Math.abs(z1 - c1) < 3 * pixel && Math.abs(z2 - c2) < 3 * pixel, `(${z1}, ${z2}) under the fingers, was (${c1}, ${c2})`);
      await settled(page);  // a point added by a finger would be there by now
      assert.equal((await points(page)).length, count, "a pinch adds no point");
      await page.screenshot({ path: join(screenshotDir, `screenshot-touch-zoom-${screen.name}.png`) });
    });

    await t.test("a vertical swipe scrolls the controls with the finger and presses nothing", async () => {
      await page.evaluate(() => window.lab.showView("controls"));
      await waitFor(page, () => window.lab.layout().views.controls || window.lab.layout().views.inspector, null, "the controls on screen");
      await settled(page);
      const { views } = await page.evaluate(() => window.lab.layout());
      const panel = views.controls || views.inspector;  // a phone's Controls view, or the tablet's panel on its Controls tab
      assert.ok(panel, `the controls are on screen: ${JSON.stringify(views)}`);
      const clip = { x: panel.left, y: panel.top, width: panel.right - panel.left, height: panel.bottom - panel.top };
      const settings = () => {
        const s = window.lab.state();
        return JSON.stringify([s.learningRate, s.batchSize, s.loss, s.layers, s.activations, s.features, s.dataset,
                               s.pointCount, s.noise, s.testFraction, s.speed, s.playing, s.step, s.seed]);
      };
      const before = await page.evaluate(settings);
      const still = await page.screenshot({ clip });
      // Straight up from low in the panel, as a quick flick: all its events in one task, the way a phone
      // delivers them between two frames. (Sent through CDP, each event waits for the page, and a slow
      // software-rendered frame between the first two looks like a finger resting: that presses.)
      const x = Math.round((panel.left + panel.right) / 2), from = Math.round(panel.top + 0.75 * (panel.bottom - panel.top));
      const lift = 150;
      await page.evaluate(({ x, from, lift }) => {
        const canvas = document.querySelector("#canvas");
        const finger = (y) => new Touch({ identifier: 1, target: canvas, clientX: x, clientY: y, pageX: x, pageY: y, screenX: x, screenY: y });
        const send = (type, touch, down) => canvas.dispatchEvent(new TouchEvent(type, {
          touches: down ? [touch] : [], targetTouches: down ? [touch] : [], changedTouches: [touch], bubbles: true, cancelable: true }));
        send("touchstart", finger(from), true);
        for (let k = 1; k <= 5; ++k) send("touchmove", finger(from - (lift * k) / 5), true);
        send("touchend", finger(from - lift), false);
      }, { x, from, lift });
      // The lab takes the touches a frame at a time: wait until the panel stands still.
      let moved = await page.screenshot({ clip });
      for (let k = 0; k < 40; ++k) {
        await settled(page);
        const now = await page.screenshot({ clip });
        if (now.equals(moved)) break;
        moved = now;
      }
      await page.screenshot({ clip, path: join(screenshotDir, `screenshot-touch-swipe-${screen.name}.png`) });
      const shift = (await contentShift(page, still, moved)) / screen.deviceScaleFactor;
      assert.ok(shift > lift * 0.6 && shift < lift * 1.1, `the content followed the finger up ${lift} px: it moved ${shift} px`);
      assert.equal(await page.evaluate(settings), before, "the swipe pressed no control");
    });

    await t.test("a finger dragged sideways on the inspector's value sets the weight, and one undo takes it back", async () => {
      await page.evaluate(() => { window.lab.select({ layer: 1, i: 1, j: 1 }); window.lab.showView("inspector"); });
      const field = await waitFor(page, () => window.lab.layout().parameterField, null, "the value field on screen");
      const weight = () => window.lab.state().weights[0][0][0];
      const before = await page.evaluate(weight);
      const y = Math.round((field.top + field.bottom) / 2), x = Math.round(field.left + 0.3 * (field.right - field.left));
      await cdpTouch(cdp, "touchStart", [{ x, y, id: 1 }]);
      for (let dx = 15; dx <= 90; dx += 15) await cdpTouch(cdp, "touchMove", [{ x: x + dx, y, id: 1 }]);
      await cdpTouch(cdp, "touchEnd", []);
      const after = await waitFor(page, (was) => { const w = window.lab.state().weights[0][0][0]; return w > was + 0.01 ? w : null; },
                                  before, "the weight to follow the finger");
      assert.ok(after > before, `${after} > ${before}`);
      assert.equal(await page.evaluate(() => window.lab.undo().ok), true);
      assert.equal(await page.evaluate(weight), before, "one undo takes the whole drag back");
    });

    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
