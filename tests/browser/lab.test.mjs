// The page in a real browser: it loads cleanly, window.lab works as documented, the seed network
// trains, the canvas shows the lab, and text stays sharp at devicePixelRatio 2.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useBrowser, openLab, screenshotDir, settled } from "./harness.mjs";

const env = useBrowser();

test("the page loads without console errors and lab.ready resolves", async () => {
  const page = await openLab(env.browser, env.url);
  assert.deepEqual(page.errors, []);
  assert.equal(await page.locator("#notice").isHidden(), true, "the loading notice is gone");
  await page.context().close();
});

test("the default state is the lesson's 4-3-2-1 network", async () => {
  const page = await openLab(env.browser, env.url);
  const s = await page.evaluate(() => window.lab.state());
  assert.deepEqual(s.layers, [4, 3, 2, 1]);
  assert.deepEqual(s.activations, { hidden: "tanh", output: "sigmoid" });
  assert.equal(s.loss, "mse");
  assert.deepEqual(s.features, ["x1", "x2", "x1sq", "x2sq"]);
  assert.equal(s.weights[0].length, 4);
  assert.equal(s.weights[0][0].length, 3);
  assert.equal(s.points.length, 200);
  await page.context().close();
});

test("lab.train(2000) brings the loss under half its starting value", async () => {
  const page = await openLab(env.browser, env.url);
  const { start, end, step, grads } = await page.evaluate(() => {
    const start = window.lab.state().trainingLoss;
    const end = window.lab.train(2000);
    return { start, end, step: window.lab.state().step, grads: window.lab.gradients() };
  });
  assert.ok(end < start / 2, `loss ${end} should be under half of ${start}`);
  assert.equal(step, 2000);
  assert.equal(grads.weights[0].length, 4);
  assert.equal(grads.biases[2].length, 1);
  await page.context().close();
});

test("configure rejects bad settings and changes nothing", async () => {
  const page = await openLab(env.browser, env.url);
  const { bad, same, good, layers } = await page.evaluate(() => {
    const before = JSON.stringify(window.lab.state());
    const bad = window.lab.configure({ layers: [4, 40, 1] });
    const same = JSON.stringify(window.lab.state()) === before;
    const good = window.lab.configure({ layers: [4, 5, 5, 1], activations: { hidden: "relu" } });
    return { bad, same, good, layers: window.lab.state().layers };
  });
  assert.equal(bad.ok, false);
  assert.match(bad.error, /neurons/);
  assert.equal(same, true);
  assert.equal(good.ok, true);
  assert.deepEqual(layers, [4, 5, 5, 1]);
  await page.context().close();
});

test("window.lab's methods, built from the lab's table, keep each call's JavaScript shape", async () => {
  const page = await openLab(env.browser, env.url);
  const r = await page.evaluate(() => {
    const lab = window.lab;
    let thrown = null;
    try { lab.shareLink({ locks: "network" }); } catch (error) { thrown = error.message; }
    return {
      shape: [lab.state.name, lab.state.length, lab.train.length, lab.openLesson.length, lab.shareLink.length],
      link: lab.shareLink(),
      thrown,
      extra: lab.train(3, "more arguments are not sent"),
      speed: lab.setSpeed(0),
      nan: lab.setParameter({ layer: 1, i: 1, j: 1 }, NaN),
      text: lab.openLink(12345),  // sent as the text "12345"
      // A step left out before the options is step 1.
      lesson: lab.openLesson("chain-rule", undefined, { keepLab: true }),
    };
  });
  assert.deepEqual(r.shape, ["state", 0, 1, 3, 1]);
  assert.ok(r.link.startsWith(env.url.replace(/[?#].*$/, "")) && r.link.includes("#lab="), r.link);
  assert.match(r.thrown, /^shareLink\(\): locks is an array/);
  assert.equal(typeof r.extra, "number");
  assert.deepEqual(r.speed, { ok: false, error: "setSpeed(): the speed is at least 1 step per second" });
  assert.match(r.nan.error, /^setParameter\(\): the value must be a finite number$/);
  assert.equal(r.text.ok, false);
  assert.doesNotMatch(r.text.error, /takes/, "a number is sent as its text");
  assert.deepEqual(r.lesson, { ok: true, error: null, step: 1, settingUp: false });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the canvas is not blank and Play trains; a screenshot is written", async () => {
  const page = await openLab(env.browser, env.url);
  await page.evaluate(() => { window.lab.train(300); window.lab.play(true); });
  await page.waitForFunction(() => window.lab.state().step > 400, null, { timeout: 20000 });
  await page.evaluate(() => window.lab.play(false));
  await settled(page);  // the paused frame is drawn
  const shot = await page.screenshot({ path: join(screenshotDir, "screenshot.png") });
  // Count distinct colours in the screenshot: a blank or single-colour canvas has very few.
  const colours = await page.evaluate(async (png) => {
    const img = await createImageBitmap(await (await fetch("data:image/png;base64," + png)).blob());
    const off = new OffscreenCanvas(img.width, img.height);
    const ctx = off.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    const seen = new Set();
    for (let k = 0; k < data.length; k += 4 * 7) seen.add((data[k] << 16) | (data[k + 1] << 8) | data[k + 2]);
    return seen.size;
  }, shot.toString("base64"));
  assert.ok(shot.length > 20000, "the screenshot has content");
  assert.ok(colours > 200, `the canvas shows the lab (${colours} colours)`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("at devicePixelRatio 2 the canvas backing store is twice the CSS size", async () => {
  const page = await openLab(env.browser, env.url, { width: 1000, height: 700, deviceScaleFactor: 2 });
  await page.waitForFunction(() => document.getElementById("canvas").width === 2000, null, { timeout: 5000 });
  const size = await page.evaluate(() => {
    const c = document.getElementById("canvas");
    return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight };
  });
  assert.equal(size.w, size.cssW * 2);
  assert.equal(size.h, size.cssH * 2);
  await page.screenshot({ path: join(screenshotDir, "screenshot-dpr2.png") });
  await page.context().close();
});

test("the canvas follows a window resize", async () => {
  const page = await openLab(env.browser, env.url, { width: 1200, height: 800 });
  await page.setViewportSize({ width: 900, height: 640 });
  await page.waitForFunction(() => document.getElementById("canvas").width === 900, null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.getElementById("canvas").height), 640);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("without WebGL 2 the page says so instead of failing silently", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 700 } });
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === "webgl2" ? null : original.call(this, type, ...rest);
    };
  });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.waitForSelector("#notice h1");
  const text = await page.locator("#notice").innerText();
  assert.match(text, /cannot show the lab/);
  assert.match(text, /WebGL 2/);
  await assert.rejects(page.evaluate(() => window.lab.ready), /WebGL 2 is not available/);
  // The lab never loaded, so its table never arrived: a call still says what is wrong, as it did
  // before window.lab was built from the table, instead of "window.lab.state is not a function".
  const early = await page.evaluate(() => { try { window.lab.state(); return "no error"; } catch (e) { return e.message; } });
  assert.equal(early, "the lab is still loading: await lab.ready first");
  await context.close();
});
