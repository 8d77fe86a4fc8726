// A lesson's training in the page: a long set-up goes on over frames with its progress in the lesson
// panel while the page keeps drawing and answering, and a lesson link asking for minutes of training
// is refused at once with its line and the limit, the lab as it was. Screenshot:
// build/screen-lesson-setting-up.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useBrowser, openLab, screenshotDir, pollUntil, waitUntil } from "./harness.mjs";

const env = useBrowser();
const network = "set: layers = 4 16 16 1\nset: batchSize = 100\n";

// The most steps window.lab's train(n) takes on the test network (read from its refusal).
async function mostSteps(page) {
  return page.evaluate(() => {
    const scratch = window.lab.state();
    window.lab.configure({ layers: [4, 16, 16, 1], batchSize: 100 });
    const error = window.lab.train(100000000).error;
    window.lab.configure({ layers: scratch.layers, batchSize: scratch.batchSize });
    return Number(/must be 0 to (\d+)/.exec(error)[1]);
  });
}

test("a long set-up goes on over frames with its progress shown, then opens the step", async () => {
  const page = await openLab(env.browser, env.url, { width: 1280, height: 800 });
  const n = Math.floor((await mostSteps(page)) / 3);  // about a second of training or more: many frames
  const before = await page.evaluate(() => window.lab.shareLink());
  const text = `lesson: A long set-up\n${network}step: Trained\nset: train = ${n}\nThe network has trained.\n`;
  const r = await page.evaluate((t) => window.lab.openLesson(t), text);
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.equal(r.settingUp, true);
  await page.evaluate(() => window.lab.stats({ reset: true }));
  // While it trains: the lab is as it was, the page answers, and the panel shows how far it has come.
  const seen = await pollUntil(page, () => window.lab.lesson().settingUp, null, (s) => s && s.progress > 0 && s.progress < 0.5,
                               "the set-up under way");
  await page.screenshot({ path: join(screenshotDir, "screen-lesson-setting-up.png") });
  assert.equal(seen.title, "A long set-up");
  assert.equal(seen.toTrain, n);
  assert.equal(await page.evaluate(() => window.lab.shareLink()), before);
  assert.equal((await page.evaluate(() => window.lab.lessonNext())).ok, false);
  const lesson = await waitUntil(page, () => { const l = window.lab.lesson(); return l.open && l; }, null, "the step open", 60000);
  assert.equal(lesson.stepTitle, "Trained");
  assert.equal(lesson.settingUp, null);
  assert.equal(await page.evaluate(() => window.lab.state().step), n);
  // No frame held the page: the app's own time per frame stayed short while it trained.
  const stats = await page.evaluate(() => window.lab.stats());
  assert.ok(stats.frameMsMax < 250, `the slowest frame took ${stats.frameMsMax} ms`);
  await page.close();
});

test("a lesson link asking for minutes of training is refused at once, the lab as it was", async () => {
  const page = await openLab(env.browser, env.url, { width: 1280, height: 800 });
  const before = await page.evaluate(() => window.lab.shareLink());
  // The largest network on the most points and batch, trained 100,000 steps: a short link.
  const text = "lesson: L\nset: features = x1 x2 x1sq x2sq x1x2 sinx1 sinx2\nset: layers = 7 16 16 16 16 16 16 1\n" +
               "set: batchSize = 1000\nset: pointCount = 2000\nstep: S\nset: train = 100000\nT\n";
  const data = await page.evaluate(async (t) => {
    const stream = new Blob([t]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }, text);
  const started = Date.now();
  await page.evaluate((d) => { location.hash = "#lesson=" + d + "&step=1"; }, data);
  const notice = await waitUntil(page, () => /cannot be opened/.test(window.lab.state().notice) && window.lab.state().notice,
                                 null, "the refusal", 10000);
  assert.ok(Date.now() - started < 5000, `refused after ${Date.now() - started} ms`);
  assert.match(notice, /line 7/);
  assert.match(notice, /train = 100000/);
  assert.equal((await page.evaluate(() => window.lab.lesson())).open, false);
  assert.equal(await page.evaluate(() => window.lab.shareLink()), before);
  await page.close();
});
