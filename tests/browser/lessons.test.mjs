// Lessons in the browser, as a student and a teacher meet them: the first-open hint starts the
// chain-rule lesson, and a student walks all of it with the mouse and the keyboard, answering from the
// numbers the lab shows; a lesson link opens at its step in a fresh page; a lesson file opens through
// the file picker, and a malformed one names its line; a damaged or malformed link leaves the lab as
// it was; the panel on a phone by touch; and the panel at every screen size. Positions come from
// lab.layout(), never from hard-coded pixels. Screenshots go to build/screenshot-lesson*.png and
// build/screen-lesson-<name>.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { useBrowser, openLab, openLabPage, newLabContext, screenshotDir, settled, waitUntil } from "./harness.mjs";

const env = useBrowser();
const repo = fileURLToPath(new URL("../../", import.meta.url));

const lab = (page, fn, arg) => page.evaluate(fn, arg);
const lessonNow = (page) => page.evaluate(() => window.lab.lesson());
const layoutNow = (page) => page.evaluate(() => window.lab.layout());
const centre = (r) => ({ x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 });
const inside = (r, box, slack = 0.5) =>
  r.left >= box.left - slack && r.top >= box.top - slack && r.right <= box.right + slack && r.bottom <= box.bottom + slack;
const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

// Waits until fn, run in the page at each animation frame, returns something truthy; returns that.
async function waitFor(page, fn, arg, what, ms = 10000) {
  try {
    const handle = await page.waitForFunction(fn, arg, { timeout: ms, polling: "raf" });
    return await handle.jsonValue();
  } catch (error) {
    if (error.name !== "TimeoutError") throw error;
    assert.fail(`timed out waiting for ${what}`);
  }
}

// The bounding box (CSS px) of the pixels within `tolerance` of `rgb` inside `clip`, or null: finds
// a button by its colour in a screenshot, as a student finds it by eye. `png`: a screenshot of the
// whole page to search instead of taking one.
async function findColour(page, clip, rgb, { tolerance = 24, png = null } = {}) {
  const scale = await page.evaluate(() => window.devicePixelRatio);
  const region = png ? clip : { x: 0, y: 0, width: clip.width, height: clip.height };
  png ??= await page.screenshot({ clip });
  const box = await page.evaluate(async ([data, region, scale, rgb, tolerance]) => {
    const img = await createImageBitmap(await (await fetch("data:image/png;base64," + data)).blob());
    const ctx = new OffscreenCanvas(img.width, img.height).getContext("2d");
    ctx.drawImage(img, 0, 0);
    const x0 = Math.round(region.x * scale), y0 = Math.round(region.y * scale);
    const w = Math.min(img.width - x0, Math.round(region.width * scale)), h = Math.min(img.height - y0, Math.round(region.height * scale));
    const pixels = ctx.getImageData(x0, y0, w, h).data;
    let left = Infinity, top = Infinity, right = -1, bottom = -1, count = 0;
    for (let y = 0; y < h; ++y)
      for (let x = 0; x < w; ++x) {
        const k = (y * w + x) * 4;
        if (Math.abs(pixels[k] - rgb[0]) <= tolerance && Math.abs(pixels[k + 1] - rgb[1]) <= tolerance &&
            Math.abs(pixels[k + 2] - rgb[2]) <= tolerance) {
          left = Math.min(left, x), right = Math.max(right, x), top = Math.min(top, y), bottom = Math.max(bottom, y), ++count;
        }
      }
    return count < 50 ? null : { left, top, right, bottom };
  }, [png.toString("base64"), region, scale, rgb, tolerance]);
  if (!box) return null;
  return { left: clip.x + box.left / scale, top: clip.y + box.top / scale, right: clip.x + (box.right + 1) / scale,
           bottom: clip.y + (box.bottom + 1) / scale };
}

// The part of the lesson panel that scrolls: below the header (Hide) and above Back / Next.
function stepArea(layout) {
  const v = layout.views.lesson, c = layout.lessonControls;
  return { left: v.left, right: v.right, top: c.hide ? c.hide.bottom : v.top, bottom: c.next ? c.next.top : v.bottom };
}

// Scrolls the lesson's step with the mouse wheel, as a student does, until the control `pick(layout)`
// lies wholly in sight; returns its rectangle.
async function reveal(page, pick, what) {
  for (let k = 0; k < 20; ++k) {
    const layout = await layoutNow(page);
    const r = pick(layout);
    assert.ok(r, `the lesson panel shows ${what}: ${JSON.stringify(layout.lessonControls)}`);
    const area = stepArea(layout);
    if (r.top >= area.top - 0.5 && r.bottom <= area.bottom + 0.5) return r;
    const at = centre(area);
    await page.mouse.move(at.x, at.y);
    // About 100 per notch of the wheel, a notch a few lines: enough to bring it in, and a little more.
    const by = r.bottom > area.bottom ? r.bottom - area.bottom : r.top - area.top;
    await page.mouse.wheel(0, Math.sign(by) * Math.min(400, Math.max(40, 1.5 * Math.abs(by) + 20)));
    await settled(page);
  }
  assert.fail(`scrolling the lesson never brought ${what} into sight`);
}

// Two animation frames: the lab has drawn one frame since now.
const frame = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

async function click(page, r, { settle = true } = {}) {
  const at = centre(r);
  await page.mouse.click(at.x, at.y);
  await (settle ? settled(page) : frame(page));
}

// Holds a key down over a frame of the lab's: ImGui 1.86 samples keys once per frame, so a press and
// release between two frames would never reach the answer field (Enter), only the lab's shortcuts.
async function pressKey(page, key) {
  await page.keyboard.down(key);
  await frame(page);
  await page.keyboard.up(key);
}

const answered = () => { const q = window.lab.lesson().question; return q && q.answered && q; };

// Clicks the answer field, types the answer and presses Enter (or clicks Check), as a student does.
async function typeAnswer(page, text, { check = false } = {}) {
  const field = await reveal(page, (l) => l.lessonControls.answer, "the answer field");
  await click(page, field, { settle: false });
  await page.keyboard.type(text);
  if (check) await click(page, await reveal(page, (l) => l.lessonControls.check, "Check"));
  else await pressKey(page, "Enter");
  return waitFor(page, answered, null, `the answer ${text} to be checked`);
}

async function clickChoice(page, text) {
  const { question } = await lessonNow(page);
  const k = question.choices.indexOf(text);
  assert.ok(k >= 0, `the choices ${question.choices} include ${text}`);
  const button = await reveal(page, (l) => l.lessonControls.choices && l.lessonControls.choices[k], `the choice ${text}`);
  await click(page, button);
  return waitFor(page, answered, null, `the choice ${text} to be checked`);
}

// Presses a key on the lab until the step's task holds, each press once the lab has moved on from the
// last (the lab's shortcuts act on the key's press, so a short tap is enough).
async function pressUntilTask(page, key, what, most = 10) {
  const now = () => {
    const p = window.lab.pass();
    return { done: window.lab.lesson().tasks[0].done, at: JSON.stringify([p.phase, p.layer, p.step]) };
  };
  for (let k = 0; k < most; ++k) {
    const { done, at } = await page.evaluate(now);
    if (done) return k;
    await page.keyboard.press(key);
    await waitFor(page, (b) => { const p = window.lab.pass(); return JSON.stringify([p.phase, p.layer, p.step]) !== b; },
                  at, `${key} to move the lab on`);
  }
  assert.ok((await page.evaluate(now)).done, `${most} presses of ${key} reach ${what}`);
}

async function clickNext(page, expectStep) {
  const next = (await layoutNow(page)).lessonControls.next;
  assert.ok(next, "the panel shows Next");
  await click(page, next, { settle: false });
  if (expectStep) await waitFor(page, (s) => window.lab.lesson().step === s, expectStep, `step ${expectStep}`);
}

// The number as the lab writes it with `digits` significant digits, as a student reads it off the screen.
const shown = (v, digits) => Number(v.toPrecision(digits)).toString();

const chainRuleText = () => readFile(join(repo, "lessons/01-chain-rule.lesson"), "utf8");

test("a student walks the whole chain-rule lesson with the mouse and keyboard", async () => {
  const page = await openLab(env.browser, env.url, { width: 1366, height: 768 });
  await settled(page);
  assert.equal((await lessonNow(page)).open, false);

  // The first-open hint, in the green banner under the top bar, offers the lesson: its blue button.
  const { topBar } = (await layoutNow(page)).views;
  const clip = { x: topBar.left, y: topBar.top, width: topBar.right - topBar.left, height: topBar.bottom - topBar.top };
  const start = await findColour(page, clip, [38, 99, 235]);
  assert.ok(start, "the hint shows a blue Start the lesson button");
  assert.ok(centre(start).x > (topBar.left + topBar.right) / 2, `the button is on the right: ${JSON.stringify(start)}`);
  await click(page, start);
  await waitFor(page, () => window.lab.lesson().open, null, "the lesson to open");
  let lesson = await lessonNow(page);
  assert.equal(lesson.name, "chain-rule");
  assert.equal(lesson.step, 1);
  assert.equal(lesson.steps, 7);

  // 1. How many weights: counted from the layer sizes on screen (4-3-2-1).
  const layers = (await lab(page, () => window.lab.state())).layers;
  let weights = 0;
  for (let l = 1; l < layers.length; ++l) weights += layers[l - 1] * layers[l];
  let q = await typeAnswer(page, String(weights));
  assert.equal(q.correct, true, `${weights} weights: ${q.feedback}`);
  await clickNext(page, 2);

  // 2. Forward: N until the loss is shown, then ŷ from the output neuron (two decimals on screen).
  lesson = await lessonNow(page);
  assert.deepEqual(lesson.tasks.map((t) => t.task), ["phase = loss"]);
  await pressUntilTask(page, "n", "the loss phase");
  const pass = await lab(page, () => window.lab.pass());
  assert.equal(pass.phase, "loss");
  const yhat = pass.a[pass.a.length - 1][0][0];
  q = await typeAnswer(page, yhat.toFixed(2), { check: true });
  assert.equal(q.correct, true, `ŷ ${yhat.toFixed(2)}: ${q.feedback}`);
  await clickNext(page, 3);

  // 3. Backward: N until layer 1, then δ³₁ from under the output neuron (three digits on screen).
  lesson = await lessonNow(page);
  assert.deepEqual(lesson.tasks.map((t) => t.task), ["phase = backward 1"]);
  await pressUntilTask(page, "n", "backward, layer 1");
  const back = await lab(page, () => window.lab.pass());
  assert.deepEqual([back.phase, back.layer], ["backward", 1]);
  const delta = back.delta[back.delta.length - 1][0][0];
  q = await typeAnswer(page, shown(delta, 3));
  assert.equal(q.correct, true, `δ³₁ ${shown(delta, 3)}: ${q.feedback}`);
  await clickNext(page, 4);

  // 4. The chain rule: the two path products as the Chain rule panel lists them, added up.
  lesson = await lessonNow(page);
  assert.equal(lesson.stepTitle, "The chain rule for w¹₁₁");
  const rule = await lab(page, () => window.lab.chainRule(1, 1, 1));
  assert.equal(rule.paths.length, 2, "two paths from w¹₁₁");
  const sum = rule.paths.reduce((s, p) => s + Number(shown(p.product, 6)), 0);
  q = await typeAnswer(page, shown(sum, 6), { check: true });
  assert.equal(q.correct, true, `∂L/∂w¹₁₁ ${shown(sum, 6)}: ${q.feedback}`);
  await page.screenshot({ path: join(screenshotDir, "screenshot-lesson.png") });
  await clickNext(page, 5);

  // 5. Up or down: against the sign of the gradient shown.
  const g = (await lab(page, () => window.lab.chainRule(1, 1, 1))).sum;
  assert.ok((await lessonNow(page)).text.join(" ").includes(shown(Math.abs(g), 4).replace(/^0/, "")), "the step shows the gradient");
  q = await clickChoice(page, g < 0 ? "up" : "down");
  assert.equal(q.correct, true, `${g < 0 ? "up" : "down"} for a gradient of ${g}: ${q.feedback}`);
  await clickNext(page, 6);

  // 6. The update: w¹₁₁ − α·∂L/∂w¹₁₁ from the Matrices tab's four digits, then N applies it.
  const s6 = await lab(page, () => window.lab.state());
  const w = Number(shown(s6.weights[0][0][0], 4));
  const g6 = Number(shown((await lab(page, () => window.lab.chainRule(1, 1, 1))).sum, 4));
  const updated = w - s6.learningRate * g6;
  q = await typeAnswer(page, shown(updated, 5));
  assert.equal(q.correct, true, `updated w¹₁₁ ${shown(updated, 5)}: ${q.feedback}`);
  // The student clicks the lesson's header, away from the answer field, so that N goes to the lab.
  const { views: v6, lessonControls: c6 } = await layoutNow(page);
  await click(page, { left: v6.lesson.left + 8, right: c6.hide.left - 8, top: c6.hide.top, bottom: c6.hide.bottom });
  await pressUntilTask(page, "n", "the update");
  const after = await lab(page, () => window.lab.state());
  assert.ok(Math.abs(after.weights[0][0][0] - updated) < 1e-3, `w¹₁₁ became ${after.weights[0][0][0]}, as worked out`);
  await clickNext(page, 7);

  // 7. Play (Space) until 300 steps, pause, and finish.
  lesson = await lessonNow(page);
  assert.deepEqual(lesson.tasks.map((t) => t.task), ["step >= 300"]);
  assert.equal(lesson.question, null);
  await lab(page, () => window.lab.setSpeed(1e5));
  await page.keyboard.press("Space");
  await waitFor(page, () => window.lab.lesson().done, null, "300 steps of training", 60000);
  await page.keyboard.press("Space");
  await waitFor(page, () => !window.lab.state().playing, null, "Space to pause");
  const finish = (await layoutNow(page)).lessonControls.next;
  await click(page, finish);
  await waitFor(page, () => !window.lab.lesson().open, null, "Finish to close the lesson");
  assert.ok((await lab(page, () => window.lab.state())).step >= 300);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a lesson link opens at step 4 in a fresh page", async () => {
  const text = await chainRuleText();
  const maker = await openLab(env.browser, env.url);
  const [link, second] = await maker.evaluate(async ([t]) => [await window.backpropLabLessons.linkFor(t, 4),
                                                                 await window.backpropLabLessons.linkFor(t, 2)], [text]);
  await maker.context().close();
  assert.ok(link.startsWith(env.url + "#lesson="), link.slice(0, 80));
  assert.ok(link.length < 8192, `the link is ${link.length} characters, under 8 KB`);
  assert.match(link, /&step=4&check=[0-9a-f]{8}$/);

  const context = await newLabContext(env.browser, { width: 1366, height: 768 });
  const page = await openLabPage(context, env.url, { hash: link.slice(link.indexOf("#")) });
  const lesson = await lessonNow(page);
  assert.equal(lesson.open, true, `the link opened the lesson: ${(await lab(page, () => window.lab.state())).notice}`);
  assert.equal(lesson.title, "The chain rule");
  assert.equal(lesson.step, 4);
  assert.equal(lesson.stepTitle, "The chain rule for w¹₁₁");
  assert.equal((await lab(page, () => window.lab.selection())).selected.symbol, "w¹₁₁");
  // The steps before it set the lab up: the backward pass has reached layer 1.
  const pass = await lab(page, () => window.lab.pass());
  assert.deepEqual([pass.phase, pass.layer], ["backward", 1]);
  await settled(page);
  const hash = await lab(page, () => location.hash);
  assert.ok(!hash.includes("lesson="), `the address bar no longer holds the lesson: ${hash.slice(0, 40)}`);
  assert.ok(hash === "" || hash.startsWith("#lab="), hash.slice(0, 40));

  // The same link pasted into the address bar of this open lab (only the hash changes: no reload).
  await lab(page, () => window.lab.closeLesson());
  await page.evaluate((h) => { location.hash = h; }, second.slice(second.indexOf("#")));
  await page.waitForFunction(() => window.lab.lesson().open, null, { timeout: 10000 });
  assert.equal((await lessonNow(page)).step, 2);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a lesson file opens through the file picker", async () => {
  const dir = await mkdtemp(join(tmpdir(), "bp-lessons-"));
  try {
    const good = join(dir, "two-steps.lesson"), bad = join(dir, "broken.lesson");
    await writeFile(good, "lesson: Two small steps\nset: dataset = xor\n\nstep: Look\nThe data is XOR.\n" +
      "ask: How many layers of weights?\nanswer: layers\n\nstep: Train\nPress Play.\ntask: step >= 10\n");
    await writeFile(bad, "lesson: Broken\nstep: One\nset: colour = green\nSome text.\n");
    const page = await openLab(env.browser, env.url);
    const pick = async (file) => {
      const [chooser] = await Promise.all([page.waitForEvent("filechooser"),
                                           page.evaluate(() => window.backpropLabLessons.chooseFile())]);
      assert.equal(chooser.isMultiple(), false);
      await chooser.setFiles(file);
    };
    await pick(good);
    await waitFor(page, () => window.lab.lesson().open, null, "the lesson file to open");
    const lesson = await lessonNow(page);
    assert.equal(lesson.title, "Two small steps");
    assert.equal(lesson.step, 1);
    assert.equal(lesson.steps, 2);
    assert.equal(lesson.stepTitle, "Look");
    assert.equal((await lab(page, () => window.lab.state())).dataset, "xor", "the lesson set the lab up");
    assert.deepEqual(await lab(page, () => window.lab.closeLesson()), { ok: true, error: null });

    // The student reads the lesson's notice ("The lesson has set up the lab...") and clicks OK.
    assert.deepEqual(await lab(page, () => window.lab.notice("")), { ok: true, error: null });
    const before = await lab(page, () => window.lab.shareLink());
    await pick(bad);
    const notice = await waitFor(page, () => window.lab.state().notice, null, "a notice about the broken file");
    assert.match(notice, /broken\.lesson/, notice);
    assert.match(notice, /line 3/, notice);
    assert.equal((await lessonNow(page)).open, false, "the broken file opened no lesson");
    assert.equal(await lab(page, () => window.lab.shareLink()), before, "the lab is as it was");

    // The same file dropped on the lab opens too; a file that is no lesson is named and refused.
    const drop = (name, text) => page.evaluate(([n, t]) => {
      const data = new DataTransfer();
      data.items.add(new File([t], n, { type: "text/plain" }));
      document.getElementById("canvas").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, [name, text]);
    await drop("points.csv", "x1,x2,y\n0,0,1\n");
    assert.match(await waitFor(page, () => /points\.csv/.test(window.lab.state().notice) && window.lab.state().notice, null,
                               "a notice about the CSV"), /not a lesson file/);
    await drop("two-steps.lesson", await readFile(good, "utf8"));
    await waitFor(page, () => window.lab.lesson().open, null, "the dropped lesson to open");
    assert.equal((await lessonNow(page)).title, "Two small steps");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a malformed or damaged lesson link leaves the lab as it was", async () => {
  const context = await newLabContext(env.browser, { width: 1366, height: 768 });
  const first = await openLabPage(context, env.url);
  // The student's own lab: five steps trained and a point added.
  assert.equal(typeof (await lab(first, () => window.lab.train(5))), "number", "train(5) returns the loss");
  assert.notEqual((await lab(first, () => window.lab.addPoint({ x: [0.25, -1.5], y: 1 }))).ok, false);
  const lab0 = await lab(first, () => {
    const s = window.lab.state();
    return { points: s.points.length, step: s.step, weights: s.weights, link: window.lab.shareLink() };
  });
  assert.equal(lab0.step, 5);
  assert.equal(lab0.points, 201, "the added point is there");
  // The autosave has it once the address bar follows it.
  await waitFor(first, (link) => location.hash === link.slice(link.indexOf("#")), lab0.link, "the autosave");
  const [good, malformed] = await lab(first, async ([text]) => [
    await window.backpropLabLessons.linkFor(text, 2),
    await window.backpropLabLessons.linkFor("lesson: A\nstep: B\nset: select = w9_11\n", 1),
  ], [await chainRuleText()]);
  await first.close();
  const hashOf = (link) => link.slice(link.indexOf("#"));
  const cut = hashOf(good).replace(/&step=.*$/, "");

  for (const [what, hash, why] of [
    ["garbage", "#lesson=%%not*a*lesson", /cannot be opened/],
    ["a link cut short", cut.slice(0, Math.floor(cut.length / 2)) + "&step=2", /cannot be opened/],
    ["a malformed lesson", hashOf(malformed), /cannot be opened.*w9_11|cannot be opened.*line 3/],
  ]) {
    const page = await openLabPage(context, env.url, { hash });
    const s = await lab(page, () => window.lab.state());
    assert.equal(s.lesson.open, false, `${what}: no lesson is open`);
    assert.match(s.notice, why, `${what}: the notice says why: ${s.notice}`);
    assert.doesNotMatch(s.notice, /openLesson/, `${what}: the notice does not name the API call`);
    assert.equal(s.points.length, lab0.points, `${what}: the points are the student's`);
    assert.equal(s.step, lab0.step, `${what}: the step is the student's`);
    assert.deepEqual(s.weights, lab0.weights, `${what}: the weights are the student's`);
    assert.ok(!(await lab(page, () => location.hash)).includes("lesson="), `${what}: the link left the address bar`);
    assert.deepEqual(page.errors, [], what);
    await page.close();
  }
  await context.close();
});

test("the lesson panel on a phone, with touch", async () => {
  const page = await openLab(env.browser, env.url, { width: 390, height: 844, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  assert.deepEqual(await lab(page, () => window.lab.openLesson("chain-rule", 1)), { ok: true, error: null, step: 1, settingUp: false });
  await settled(page);
  let layout = await layoutNow(page);
  assert.equal(layout.mode, "phone");
  assert.ok(layout.views.lesson, `the phone shows the lesson: ${Object.keys(layout.views)}`);
  assert.ok(layout.views.tabBar, "the tab bar is there");
  // The tab bar's current tab (blue) in a screenshot: 0 for the first of its five tabs.
  const currentTab = async (png) => {
    const bar = (await layoutNow(page)).views.tabBar;
    const clip = { x: bar.left, y: bar.top, width: bar.right - bar.left, height: bar.bottom - bar.top };
    const blue = await findColour(page, clip, [38, 99, 235], { png });
    assert.ok(blue, "the tab bar marks its current tab");
    return Math.floor((centre(blue).x - bar.left) / ((bar.right - bar.left) / 5));
  };
  const { next } = layout.lessonControls;
  assert.ok(next && inside(next, layout.views.lesson), "Next lies in the lesson view");
  await page.touchscreen.tap(centre(next).x, centre(next).y);
  await waitFor(page, () => window.lab.lesson().step === 2, null, "the tap on Next");
  await settled(page);
  layout = await layoutNow(page);
  const shot = await page.screenshot({ path: join(screenshotDir, "screenshot-lesson-phone.png") });
  assert.equal(await currentTab(shot), 0, "the phone shows the Lesson tab, the first");
  // After a touch the panel's buttons are fingertip-sized.
  for (const name of ["back", "next", "showMe"]) {
    const r = layout.lessonControls[name];
    assert.ok(r && r.bottom - r.top >= 40, `${name} is fingertip-sized after a touch: ${JSON.stringify(r)}`);
  }
  const showMe = layout.lessonControls.showMe;
  assert.ok(showMe && inside(showMe, layout.views.lesson), `step 2 offers Show me: ${JSON.stringify(layout.lessonControls)}`);
  assert.ok(!layout.views.network, "the network is behind the lesson");
  await page.touchscreen.tap(centre(showMe).x, centre(showMe).y);
  await waitFor(page, () => window.lab.layout().views.network, null, "Show me to show the network");
  layout = await layoutNow(page);
  assert.ok(layout.views.data, "with the data the step points at");
  assert.equal((await lessonNow(page)).step, 2, "the lesson waits at its step");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

const sizes = [
  { name: "desktop", width: 1920, height: 1080, dpr: 1 },
  { name: "laptop", width: 1366, height: 768, dpr: 1 },
  // A 720p projector at 150 % zoom: the CSS viewport shrinks and devicePixelRatio grows by 1.5.
  { name: "projector-150", width: Math.round(1280 / 1.5), height: Math.round(720 / 1.5), dpr: 1.5 },
  { name: "tablet", width: 820, height: 1180, dpr: 2, touch: true },
  { name: "phone", width: 390, height: 844, dpr: 3, touch: true },
  { name: "4k", width: 3840, height: 2160, dpr: 1 },
];

test("the lesson panel at every screen size", async (t) => {
  // The screens of devicePixelRatio 1 share a page, resized from one to the next (the panel follows
  // the window); the others each get a page of their own.
  let shared = null;
  for (const s of sizes) {
    await t.test(`${s.name} ${s.width}x${s.height}`, async () => {
      let page;
      if (s.dpr === 1 && !s.touch && shared) {
        page = shared;
        await page.setViewportSize({ width: s.width, height: s.height });
        await waitFor(page, ([w, h]) => { const b = window.lab.layout().views.topBar; return b && b.right === w; },
                      [s.width, s.height], `the lab to follow the resize to ${s.width}x${s.height}`);
      } else {
        page = await openLab(env.browser, env.url,
          { width: s.width, height: s.height, deviceScaleFactor: s.dpr, hasTouch: !!s.touch, isMobile: !!s.touch });
        assert.equal((await lab(page, () => window.lab.openLesson("chain-rule", 4))).ok, true);
        if (s.dpr === 1 && !s.touch) shared = page;
      }
      await settled(page);
      let layout = await layoutNow(page);
      if (layout.mode === "phone") {
        assert.deepEqual(await lab(page, () => window.lab.showView("lesson")), { ok: true, error: null });
        await settled(page);
        layout = await layoutNow(page);
      }
      await page.screenshot({ path: join(screenshotDir, `screen-lesson-${s.name}.png`) });
      assert.equal((await lessonNow(page)).step, 4);
      const v = layout.views.lesson;
      assert.ok(v, `${s.name}: the lesson is shown (${layout.mode}): ${Object.keys(layout.views)}`);
      const screen = { left: 0, top: 0, right: s.width, bottom: s.height };
      assert.ok(inside(v, screen), `${s.name}: the lesson ${JSON.stringify(v)} lies inside ${s.width}x${s.height}`);
      assert.ok(v.right - v.left >= 240 && v.bottom - v.top >= 150, `${s.name}: the lesson is ${v.right - v.left}x${v.bottom - v.top}`);
      for (const [name, r] of Object.entries(layout.views))
        if (name !== "lesson") assert.ok(!overlap(v, r), `${s.name}: the lesson overlaps ${name}`);
      const c = layout.lessonControls;
      for (const name of ["next", "back", "hide"]) assert.ok(c[name] && inside(c[name], v), `${s.name}: ${name} lies in the lesson view`);
      assert.ok(!overlap(c.back, c.next), `${s.name}: Back and Next apart`);
      assert.deepEqual(page.errors, []);
      if (page !== shared) await page.context().close();
    });
  }
  await shared?.context().close();
});

test("a reload takes the open lesson up again at its step, on the lab the autosave kept", async () => {
  const page = await openLab(env.browser, env.url, { width: 1366, height: 768 });
  const mine = "lesson: Mine\nstep: One\nFirst.\nstep: Two\nSecond.\nstep: Three\nThird.\n";
  await lab(page, (t) => { window.lab.openLesson(t, 2); window.lab.train(7); }, mine);
  const kept = (step) => page.waitForFunction((n) => (sessionStorage.getItem("backpropLab.lesson") || "").includes(`"step":${n}`),
                                              step, { timeout: 10000 });
  await kept(2);
  // The autosave saves training progress at most every 1.5 s: wait for the save of step 7.
  await waitUntil(page, () => Object.keys(localStorage).some((key) => key.startsWith("backprop-lab-recent-v1/") &&
    (JSON.parse(localStorage.getItem(key)).summary || {}).step === 7), null, "the autosave of the trained lab");
  const before = await lab(page, () => window.lab.state().step);
  await page.reload();
  await page.evaluate(() => window.lab.ready);
  const lesson = await lessonNow(page);
  assert.equal(lesson.open, true, "the lesson came back");
  assert.equal(lesson.title, "Mine");
  assert.equal(lesson.step, 2);
  assert.equal(await lab(page, () => window.lab.state().step), before, "the lab is the one the autosave kept");

  // A built-in lesson left in the same way; leaving it means the next reload brings none back.
  await lab(page, () => window.lab.openLesson("chain-rule", 3));
  await kept(3);
  await page.reload();
  await page.evaluate(() => window.lab.ready);
  assert.deepEqual([(await lessonNow(page)).title, (await lessonNow(page)).step], ["The chain rule", 3]);
  await lab(page, () => window.lab.closeLesson());
  await page.waitForFunction(() => sessionStorage.getItem("backpropLab.lesson") === null, null, { timeout: 10000 });
  await page.reload();
  await page.evaluate(() => window.lab.ready);
  assert.equal((await lessonNow(page)).open, false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
