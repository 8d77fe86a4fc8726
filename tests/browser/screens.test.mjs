// Every screen a class uses: a phone either way round (and a small one), a tablet, a 720p projector (and zoomed to
// 150 %), a laptop (zoomed out to 50 % and in to 200 %), a desktop and a 4K screen. At each, the views lie inside the canvas, do not overlap,
// keep their minimum sizes, and the network runs left to right; a screenshot of each is written
// to build/screen-<name>.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useBrowser, openLabPage, screenshotDir, settled } from "./harness.mjs";

const env = useBrowser();

// Page zoom shrinks the CSS viewport and raises devicePixelRatio by the same factor.
export const screens = [
  { name: "phone", width: 390, height: 844, dpr: 3, touch: true, mode: "phone" },
  { name: "phone-small", width: 360, height: 640, dpr: 2, touch: true, mode: "phone" },
  { name: "phone-landscape", width: 844, height: 390, dpr: 3, touch: true, mode: "phone" },
  { name: "tablet", width: 820, height: 1180, dpr: 2, touch: true, mode: "compact" },
  { name: "projector-150", width: Math.round(1280 / 1.5), height: Math.round(720 / 1.5), dpr: 1.5, mode: "phone" },
  { name: "projector", width: 1280, height: 720, dpr: 1, mode: "wide" },
  { name: "laptop-zoom-50", width: 1366 * 2, height: 768 * 2, dpr: 0.5, mode: "wide" },
  { name: "laptop-zoom-200", width: Math.round(1366 / 2), height: 768 / 2, dpr: 2, mode: "phone" },
  { name: "laptop", width: 1366, height: 768, dpr: 1, mode: "wide" },
  { name: "desktop", width: 1920, height: 1080, dpr: 1, mode: "wide" },
  { name: "4k", width: 3840, height: 2160, dpr: 1, mode: "wide" },
];

export const minimum = {
  network: [200, 140], data: [160, 160], loss: [160, 130], inspector: [260, 150], controls: [240, 180],
};

export async function openScreen(browser, url, s, hash = "") {
  const context = await browser.newContext({
    viewport: { width: s.width, height: s.height }, deviceScaleFactor: s.dpr,
    hasTouch: !!s.touch, isMobile: !!s.touch,
  });
  return openLabPage(context, url, { hash });
}

const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export function checkViews(layout, s, label) {
  const views = Object.entries(layout.views).filter(([name]) => name in minimum);
  for (const [name, r] of views) {
    assert.ok(r.left >= 0 && r.top >= 0 && r.right <= s.width + 0.5 && r.bottom <= s.height + 0.5,
      `${label}: ${name} ${JSON.stringify(r)} lies inside ${s.width}x${s.height}`);
    const [w, h] = minimum[name];
    assert.ok(r.right - r.left >= w - 0.5 && r.bottom - r.top >= h - 0.5,
      `${label}: ${name} is ${r.right - r.left}x${r.bottom - r.top}, at least ${w}x${h}`);
    for (const [other, q] of views) if (other > name) assert.ok(!overlap(r, q), `${label}: ${name} overlaps ${other}`);
  }
}

export function checkNetwork(layout, label) {
  const xs = layout.nodes.map((layer) => layer[0].x);
  for (let l = 1; l < xs.length; l++) assert.ok(xs[l] > xs[l - 1], `${label}: layer ${l} is right of layer ${l - 1}`);
  const n = layout.views.network;
  for (const layer of layout.nodes) for (const p of layer)
    assert.ok(p.x - layout.radius >= n.left && p.x + layout.radius <= n.right && p.y >= n.top && p.y <= n.bottom,
      `${label}: a neuron lies inside the network view`);
  const d = layout.dataPlane, v = layout.views.data;
  assert.ok(d.left >= v.left && d.right <= v.right && d.top >= v.top && d.bottom <= v.bottom, `${label}: the plane lies inside the data view`);
  assert.ok(d.right - d.left >= 120, `${label}: the plane is ${d.right - d.left} px wide`);
}

for (const s of screens) {
  test(`${s.name} ${s.width}x${s.height}: views inside, apart, at least their minimum, left to right`, async () => {
    const page = await openScreen(env.browser, env.url, s);
    await settled(page);
    const layout = await page.evaluate(() => window.lab.layout());
    await page.screenshot({ path: join(screenshotDir, `screen-${s.name}.png`) });
    assert.equal(layout.mode, s.mode);
    checkViews(layout, s, s.name);
    checkNetwork(layout, s.name);
    if (s.mode !== "phone") for (const v of ["network", "data", "loss"]) assert.ok(layout.views[v], `${s.name} shows the ${v}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test("presenter mode on a 720p projector: no controls, a larger network and data, and back", async () => {
  const s = screens.find((x) => x.name === "projector");
  const page = await openScreen(env.browser, env.url, s);
  await settled(page);
  const before = await page.evaluate(() => window.lab.layout());
  assert.deepEqual(await page.evaluate(() => window.lab.presenter(true)), { ok: true, error: null });
  await settled(page);
  const after = await page.evaluate(() => window.lab.layout());
  await page.screenshot({ path: join(screenshotDir, "screen-projector-presenter.png") });
  const state = await page.evaluate(() => window.lab.state());
  assert.equal(state.presenter, true);
  assert.equal(after.views.controls, undefined, "presenter mode hides the controls");
  const area = (r) => (r.right - r.left) * (r.bottom - r.top);
  assert.ok(area(after.views.network) > area(before.views.network), "the network is larger");
  assert.ok(after.dataPlane.right - after.dataPlane.left > before.dataPlane.right - before.dataPlane.left, "the plane is larger");
  checkViews(after, s, "presenter");
  checkNetwork(after, "presenter");
  assert.equal((await page.evaluate(() => window.lab.presenter("yes"))).ok, false);
  await page.evaluate(() => window.lab.presenter(false));
  await settled(page);
  assert.ok((await page.evaluate(() => window.lab.layout())).views.controls, "the controls are back");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("text at 200 % keeps the views apart and inside at a laptop's size; bad scales are refused", async () => {
  const s = screens.find((x) => x.name === "laptop");
  const page = await openScreen(env.browser, env.url, s);
  for (const bad of [0.5, 3, "big", null, Number.NaN]) {
    const r = await page.evaluate((v) => window.lab.setTextScale(v), bad);
    assert.equal(r.ok, false, `setTextScale(${bad}) is refused`);
    assert.match(r.error, /text scale|setTextScale/);
  }
  assert.equal((await page.evaluate(() => window.lab.state())).textScale, 1);
  assert.deepEqual(await page.evaluate(() => window.lab.setTextScale(2)), { ok: true, error: null });
  await settled(page);
  const layout = await page.evaluate(() => window.lab.layout());
  await page.screenshot({ path: join(screenshotDir, "screen-laptop-text-200.png") });
  assert.equal((await page.evaluate(() => window.lab.state())).textScale, 2);
  assert.equal(layout.mode, "phone", "text twice as large shows one view at a time");
  checkViews(layout, s, "text 200 %");
  checkNetwork(layout, "text 200 %");
  // Larger text asks for larger nodes, so their numbers still fit.
  assert.ok(layout.radius > 20, `node radius ${layout.radius}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("phone: a tap on the bottom bar switches the one main view, and its buttons are fingertip-sized", async () => {
  const s = screens.find((x) => x.name === "phone");
  const page = await openScreen(env.browser, env.url, s);
  await settled(page);
  const { tabBar } = (await page.evaluate(() => window.lab.layout())).views;
  assert.ok(tabBar.bottom - tabBar.top >= 44, "the bar is at least 44 px high");
  const y = (tabBar.top + tabBar.bottom) / 2, w = (tabBar.right - tabBar.left) / 4;
  await page.touchscreen.tap(tabBar.left + w * 1.5, y);  // "Loss"
  await settled(page);
  let views = (await page.evaluate(() => window.lab.layout())).views;
  assert.ok(views.loss && !views.network && !views.data, "the loss plot fills the phone");
  await page.touchscreen.tap(tabBar.left + w * 2.5, y);  // "Chain rule"
  await settled(page);
  views = (await page.evaluate(() => window.lab.layout())).views;
  assert.ok(views.inspector && !views.loss, "the inspector fills the phone");
  await page.screenshot({ path: join(screenshotDir, "screen-phone-chain-rule.png") });
  assert.deepEqual(await page.evaluate(() => window.lab.showView("network")), { ok: true, error: null });
  await settled(page);
  views = (await page.evaluate(() => window.lab.layout())).views;
  assert.ok(views.network && views.data);
  assert.equal((await page.evaluate(() => window.lab.showView("sideways"))).ok, false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
