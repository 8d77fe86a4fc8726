// Presenter mode, lessons and large text on the screens a class projects or passes round: the loss
// curve keeps a readable plot (and a lesson step that says to watch it shows it), larger text and
// presenter mode hide no control and shrink no circle, and a 4K screen opens with readable text.
// Screenshots: build/presenter-<name>.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useBrowser, newLabContext, openLabPage, screenshotDir, settled, waitUntil } from "./harness.mjs";

const env = useBrowser();

// The least loss plot a student can read, inside its axes, in CSS px (kMinLossPlot).
const leastPlot = { width: 120, height: 72 };

// Page zoom shrinks the CSS viewport and raises devicePixelRatio by the same factor.
const zoomed = (width, height, zoom) => ({ width: Math.round(width / zoom), height: Math.round(height / zoom), dpr: zoom });

async function open(s, hash = "") {
  const context = await newLabContext(env.browser, {
    width: s.width, height: s.height, deviceScaleFactor: s.dpr, hasTouch: !!s.touch, isMobile: !!s.touch,
  });
  const page = await openLabPage(context, env.url, { hash });
  await settled(page);
  return page;
}

const layoutNow = (page) => page.evaluate(() => window.lab.layout());
const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (a, b) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
const size = (r) => `${Math.round(r.right - r.left)}x${Math.round(r.bottom - r.top)}`;

// Every view inside the canvas and apart from the others (a sideways phone's bar of views lies in the
// top bar's row by design; the tests that need it under the row say so).
function checkApart(layout, s, label) {
  const views = Object.entries(layout.views);
  for (const [name, r] of views) {
    assert.ok(r.left >= -0.5 && r.top >= -0.5 && r.right <= s.width + 0.5 && r.bottom <= s.height + 0.5,
      `${label}: ${name} ${JSON.stringify(r)} lies inside ${s.width}x${s.height}`);
    for (const [other, q] of views)
      if (other > name && !(name === "tabBar" && other === "topBar")) assert.ok(!overlap(r, q), `${label}: ${name} overlaps ${other}`);
  }
}

function checkLossPlot(layout, label) {
  const plot = layout.lossPlot;
  assert.ok(plot, `${label}: the loss curve is drawn (views: ${Object.keys(layout.views)})`);
  assert.ok(inside(plot, layout.views.loss), `${label}: the plot lies in the loss view`);
  assert.ok(plot.right - plot.left >= leastPlot.width && plot.bottom - plot.top >= leastPlot.height,
    `${label}: the loss plot is ${size(plot)}, at least ${leastPlot.width}x${leastPlot.height}`);
}

// The XOR lesson's step "Train the single neuron": it points at Play and the loss panel and says to watch the loss.
async function openXorTraining(page) {
  const opened = await page.evaluate(() => window.lab.openLesson("xor", 2));
  assert.equal(opened.ok, true, JSON.stringify(opened));
  await waitUntil(page, () => window.lab.lesson().open && window.lab.lesson().step === 2, null, "the XOR lesson at step 2");
  const lesson = await page.evaluate(() => window.lab.lesson());
  assert.match(lesson.text.join(" "), /Watch the loss plot/);
  await settled(page);
}

const lossScreens = [
  { name: "1080p-zoom-125-presenter", ...zoomed(1920, 1080, 1.25), presenter: true },
  { name: "1080p-zoom-150-presenter", ...zoomed(1920, 1080, 1.5), presenter: true },
  { name: "tablet", width: 820, height: 1180, dpr: 2, touch: true },
  { name: "tablet-landscape", width: 1180, height: 820, dpr: 2, touch: true },
  { name: "tablet-presenter", width: 820, height: 1180, dpr: 2, touch: true, presenter: true },
  { name: "phone", width: 390, height: 844, dpr: 3, touch: true },
];

for (const s of lossScreens) {
  test(`${s.name} ${s.width}x${s.height}: the XOR step that says watch the loss shows a readable loss plot`, async () => {
    const page = await open(s);
    if (s.presenter) assert.deepEqual(await page.evaluate(() => window.lab.presenter(true)), { ok: true, error: null });
    await openXorTraining(page);
    let layout = await layoutNow(page);
    if (layout.mode === "phone") {
      // The lesson's tab (the bar's first) shows the step's text; its Show me goes to the loss, the
      // panel it points at (Play is in the top bar).
      if (!layout.views.lesson) {
        const bar = layout.views.tabBar;
        await page.touchscreen.tap(bar.left + (bar.right - bar.left) / 10, (bar.top + bar.bottom) / 2);
        await waitUntil(page, () => window.lab.layout().views.lesson, null, "the Lesson tab to show the lesson");
        layout = await layoutNow(page);
      }
      assert.ok(!layout.views.loss, "the loss is behind the lesson");
      const showMe = layout.lessonControls.showMe;
      assert.ok(showMe, "the step offers Show me");
      await page.touchscreen.tap((showMe.left + showMe.right) / 2, (showMe.top + showMe.bottom) / 2);
      await waitUntil(page, () => window.lab.layout().views.loss, null, "Show me to show the loss");
      await settled(page);
      layout = await layoutNow(page);
    } else {
      assert.ok(layout.views.lesson, `${s.name}: the lesson is on screen`);
    }
    await page.screenshot({ path: join(screenshotDir, `presenter-loss-${s.name}.png`) });
    checkLossPlot(layout, s.name);
    checkApart(layout, s, s.name);
    if (s.presenter) assert.equal((await page.evaluate(() => window.lab.state())).textScale, 1.25, "presenter mode raised the text");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

// At 200 % text (and in presenter mode) on the small screens, the bar of views stays off the top
// bar's buttons and the views stay apart.
const smallScreens = [
  { name: "projector-150", ...zoomed(1280, 720, 1.5) },
  { name: "phone-small", width: 360, height: 640, dpr: 2, touch: true },
];

for (const s of smallScreens)
  for (const presenter of [false, true]) {
    test(`${s.name} ${s.width}x${s.height}${presenter ? " presenter" : ""} at 200 % text: no control covered`, async () => {
      const page = await open(s);
      if (presenter) await page.evaluate(() => window.lab.presenter(true));
      assert.deepEqual(await page.evaluate(() => window.lab.setTextScale(2)), { ok: true, error: null });
      await settled(page);
      const layout = await layoutNow(page);
      await page.screenshot({ path: join(screenshotDir, `presenter-text-200-${s.name}${presenter ? "-presenter" : ""}.png`) });
      const { topBar, tabBar } = layout.views;
      assert.ok(tabBar, "the bar of views is there");
      assert.ok(tabBar.top >= topBar.bottom - 0.5, `the bar of views ${JSON.stringify(tabBar)} is under the top bar ${JSON.stringify(topBar)}`);
      // The row's first and last buttons lie in the top bar, on the screen: every button between them does too.
      for (const name of ["playButton", "viewButton"])
        assert.ok(inside(layout[name], topBar) && layout[name].right <= s.width - 4, `${name} ${JSON.stringify(layout[name])} lies in the top bar on screen`);
      checkApart(layout, s, `${s.name} 200 %`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }

test("presenter mode on a 720p projector at 150 % raises the text to 125 %, as the README says", async () => {
  const s = { name: "projector-150", ...zoomed(1280, 720, 1.5) };
  const page = await open(s);
  assert.equal((await page.evaluate(() => window.lab.state())).textScale, 1);
  await page.evaluate(() => window.lab.presenter(true));
  await settled(page);
  assert.equal((await page.evaluate(() => window.lab.state())).textScale, 1.25);
  const layout = await layoutNow(page);
  await page.screenshot({ path: join(screenshotDir, "presenter-projector-150.png") });
  checkApart(layout, s, "presenter 853x480");
  for (const name of ["playButton", "viewButton"]) {
    assert.ok(inside(layout[name], layout.views.topBar), `${name} is in the top bar`);
    assert.ok(!overlap(layout[name], layout.views.tabBar), `the bar of views leaves ${name} uncovered`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("presenter mode at 1920x1080 zoomed to 125 %: 200 % text never shrinks the circles below 100 %", async () => {
  const s = { name: "1080p-zoom-125", ...zoomed(1920, 1080, 1.25) };
  const page = await open(s);
  await page.evaluate(() => window.lab.presenter(true));
  const radius = {};
  for (const scale of [1, 1.25, 2]) {
    await page.evaluate((v) => window.lab.setTextScale(v), scale);
    await settled(page);
    radius[scale] = (await layoutNow(page)).radius;
    if (scale === 2) await page.screenshot({ path: join(screenshotDir, "presenter-1080p-zoom-125-text-200.png") });
  }
  assert.ok(radius[2] >= radius[1] - 0.5, `circles of radius ${radius[2]} at 200 %, ${radius[1]} at 100 %`);
  assert.ok(radius[2] >= radius[1.25] - 0.5, `circles of radius ${radius[2]} at 200 %, ${radius[1.25]} at 125 %`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a 4K screen opens with text at 125 %, and a chosen 100 % stays", async () => {
  const page = await open({ width: 3840, height: 2160, dpr: 1 });
  assert.equal((await page.evaluate(() => window.lab.state())).textScale, 1.25);
  await page.screenshot({ path: join(screenshotDir, "presenter-4k.png") });
  await page.evaluate(() => window.lab.setTextScale(1));
  await page.setViewportSize({ width: 3840, height: 2100 });
  await settled(page);
  assert.equal((await page.evaluate(() => window.lab.state())).textScale, 1, "the user's choice wins over the screen's");
  const desktop = await open({ width: 1920, height: 1080, dpr: 1 });
  assert.equal((await desktop.evaluate(() => window.lab.state())).textScale, 1, "a 1080p screen keeps 100 %");
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await desktop.context().close();
});
