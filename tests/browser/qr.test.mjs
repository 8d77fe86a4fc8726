// The share link as a QR code: a phone's reader (zbarimg, on a screenshot of the page) gets exactly
// the link the lab reports, for this moment and for the start link, on a projector-sized screen and
// on a phone; the code holds still while the lab trains, and Close, Escape and a tap beside it take
// it away.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { useBrowser, openLab, openLabPage, screenshotDir, settled } from "./harness.mjs";

const env = useBrowser();
const run = promisify(execFile);

// The texts of the QR codes a reader finds on the page now ([] when none).
async function scan(page, name) {
  await settled(page);
  await mkdir(screenshotDir, { recursive: true });
  const file = join(screenshotDir, `screenshot-qr-${name}.png`);
  await page.screenshot({ path: file });
  try {
    const { stdout } = await run("zbarimg", ["--raw", "-q", file]);
    return stdout.split("\n").filter((line) => line !== "");
  } catch (error) {
    if (error.code === 4) return [];  // zbarimg: no code in the picture
    throw error;
  }
}

// Opens this moment's code, then the start link's; each must read back as the link the lab reports.
async function checkBothLinks(page, size) {
  await page.evaluate(() => { window.lab.configure({ learningRate: 0.3 }); window.lab.train(40); });
  assert.deepEqual(await page.evaluate(() => window.lab.showQr({ start: false })), { ok: true, error: null });
  const moment = await page.evaluate(() => window.lab.shareLink());
  assert.match(moment, /^http:\/\/127\.0\.0\.1:\d+\/#lab=/);
  assert.deepEqual(await scan(page, `${size}-moment`), [moment], "the code holds this moment's whole link");

  assert.deepEqual(await page.evaluate(() => window.lab.showQr({ start: true })), { ok: true, error: null });
  const start = await page.evaluate(() => window.lab.shareLink({ start: true }));
  assert.notEqual(start, moment);
  assert.deepEqual(await scan(page, `${size}-start`), [start], "the code holds the start link");
}

test("a projector-sized screen: the code a reader scans is the link the lab reports", async () => {
  const page = await openLab(env.browser, env.url, { width: 1280, height: 720 });
  assert.deepEqual(await scan(page, "1280x720-none"), [], "no code before it is asked for");
  await checkBothLinks(page, "1280x720");
  assert.deepEqual(await page.evaluate(() => window.lab.showQr(false)), { ok: true, error: null });
  assert.deepEqual(await scan(page, "1280x720-closed"), [], "showQr(false) takes the code away");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Headless Chromium draws a 3x phone screen slowly (a screenshot takes seconds): three suffice.
test("a phone: the code a reader scans is the link the lab reports, and a tap beside it closes it", async () => {
  const context = await env.browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true,
  });
  const page = await openLabPage(context, env.url);
  await checkBothLinks(page, "390x844");
  await page.touchscreen.tap(195, 835);  // the bottom of the screen, below the code and its text
  assert.deepEqual(await scan(page, "390x844-tapped"), [], "a tap beside the code closes it");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("this moment holds still while the lab trains, and Escape closes the code", async () => {
  const page = await openLab(env.browser, env.url, { width: 1280, height: 720 });
  await page.evaluate(() => window.lab.showQr({ start: false }));
  await settled(page);
  const shown = await page.evaluate(() => window.lab.shareLink());
  await page.evaluate(() => { window.lab.setSpeed(100000); window.lab.play(true); });
  await page.waitForFunction(() => window.lab.state().step > 30, null, { timeout: 10000 });
  assert.deepEqual(await scan(page, "1280x720-playing"), [shown], "the code shows the moment it was opened at");
  await page.evaluate(() => window.lab.play(false));
  assert.notEqual(await page.evaluate(() => window.lab.shareLink()), shown, "the lab itself went on");

  // A key held as a person holds it (the lab samples keys once a frame).
  await page.keyboard.down("Escape");
  await settled(page);
  await page.keyboard.up("Escape");
  assert.deepEqual(await scan(page, "1280x720-escaped"), [], "Escape closes the code");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("showQr refuses arguments it does not know and changes nothing", async () => {
  const page = await openLab(env.browser, env.url, { width: 1280, height: 720 });
  for (const bad of ["yes", 1, { start: "no" }, { begin: true }, null]) {
    const r = await page.evaluate((arg) => window.lab.showQr(arg), bad);
    assert.equal(r.ok, false, JSON.stringify(bad));
    assert.match(r.error, /showQr\(\): takes/);
  }
  assert.deepEqual(await scan(page, "1280x720-refused"), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
