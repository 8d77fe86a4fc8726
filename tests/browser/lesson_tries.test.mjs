// Two tries before the answer, on a phone by touch and its keyboard: a wrong first answer to the
// chain-rule lesson's ∂L/∂w¹₁₁ says so without the value (nowhere in the lesson's text, feedback or
// hint, nor in the screenshot build/screenshot-lesson-tries-phone.png), keeps a fingertip-sized Show
// answer in the panel, and the second try is checked and said to be right; Show answer at the
// update's question reveals the value. Positions come from lab.layout(), never from hard-coded pixels.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useBrowser, openLab, screenshotDir, settled, waitUntil } from "./harness.mjs";

const env = useBrowser();

const centre = (r) => ({ x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 });
const inside = (r, box, slack = 0.5) =>
  r.left >= box.left - slack && r.top >= box.top - slack && r.right <= box.right + slack && r.bottom <= box.bottom + slack;
const layoutNow = (page) => page.evaluate(() => window.lab.layout());
const lessonNow = (page) => page.evaluate(() => window.lab.lesson());
// The number with `digits` significant digits, as a student reads it off the screen.
const shown = (v, digits) => Number(v.toPrecision(digits)).toString();
// Two animation frames: the lab has drawn one frame since now.
const frame = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

async function tap(page, r, what) {
  assert.ok(r, `the lesson panel shows ${what}: ${JSON.stringify((await layoutNow(page)).lessonControls)}`);
  await page.touchscreen.tap(centre(r).x, centre(r).y);
  await frame(page);
}

// The lab's value as the revealed feedback states it.
function statedValue(feedback) {
  const m = /value is ([−-]?\d+(?:\.\d+)?(?:e[−+-]?\d+)?)/.exec(feedback);
  assert.ok(m, `the feedback states the lab's value: ${feedback}`);
  return Number(m[1].replaceAll("−", "-"));
}

// Taps the answer field, types `text` on the keyboard and taps Check (or presses Enter); waits for
// the lab to have checked one more answer.
async function answerByTouch(page, text, { enter = false } = {}) {
  const before = (await lessonNow(page)).question;
  const controls = (await layoutNow(page)).lessonControls;
  await tap(page, controls.answer, "the answer field");
  await page.keyboard.type(text);
  await frame(page);
  if (enter) {
    // ImGui samples keys once per frame: Enter is held over one of the lab's frames.
    await page.keyboard.down("Enter");
    await frame(page);
    await page.keyboard.up("Enter");
  } else {
    await tap(page, (await layoutNow(page)).lessonControls.check, "Check");
  }
  return waitUntil(page, (b) => {
    const q = window.lab.lesson().question;
    return q.answered && (q.feedback !== b.feedback || q.triesLeft !== b.triesLeft) && q;
  }, before, `the answer ${text} to be checked`);
}

// The ways the value could be written on screen: 3 to 6 significant digits, with either minus sign.
function spellings(v) {
  const out = new Set();
  for (let d = 3; d <= 6; ++d) {
    const s = shown(Math.abs(v), d).replace(/^0\./, ".");  // ".0123" is inside "0.0123" and "−0.0123"
    out.add(s);
  }
  return [...out];
}

test("on a phone, a wrong first answer keeps the value hidden until the second try", async () => {
  const page = await openLab(env.browser, env.url, { width: 390, height: 844, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  const opened = await page.evaluate(() => window.lab.openLesson("chain-rule", 4));
  assert.equal(opened.ok, true, JSON.stringify(opened));
  await settled(page);
  assert.equal((await layoutNow(page)).mode, "phone");
  // The oracle: the two path products as the Chain rule panel lists them, added up.
  const rule = await page.evaluate(() => window.lab.chainRule(1, 1, 1));
  assert.equal(rule.paths.length, 2);
  const g = rule.paths.reduce((s, p) => s + p.product, 0);
  const wrong = shown(g > 0 ? -2 * g - 1 : 2 * Math.abs(g) + 1, 3);  // the other sign, and far from it

  let q = await answerByTouch(page, wrong);
  assert.equal(q.correct, false, q.feedback);
  assert.equal(q.revealed, false, q.feedback);
  assert.equal(q.triesLeft, 1);
  assert.match(q.feedback, /too (high|low)/);
  assert.ok(q.hint && q.hint.length > 0, "the step's hint is shown");
  await settled(page);
  const lesson = await lessonNow(page);
  const everything = [lesson.text.join(" "), lesson.question.prompt, lesson.question.feedback, lesson.question.hint].join(" ");
  for (const s of spellings(g)) assert.ok(!everything.includes(s), `the lesson shows ${s}, the answer: ${everything}`);
  const layout = await layoutNow(page);
  const show = layout.lessonControls.showAnswer;
  assert.ok(show && inside(show, layout.views.lesson), `Show answer is in the lesson view: ${JSON.stringify(layout.lessonControls)}`);
  assert.ok(show.bottom - show.top >= 44 - 0.5, `Show answer is fingertip-sized: ${JSON.stringify(show)}`);
  await page.screenshot({ path: join(screenshotDir, "screenshot-lesson-tries-phone.png") });

  // The second try, typed over the first (tapping the field selects it) and sent with Enter.
  q = await answerByTouch(page, shown(g, 6), { enter: true });
  assert.equal(q.correct, true, q.feedback);
  assert.equal(q.revealed, true);
  assert.match(q.feedback, /second try/);
  assert.ok(Math.abs(statedValue(q.feedback) - g) <= 1e-5 * Math.abs(g), `the value is shown now: ${q.feedback}`);
  assert.equal(q.hint, null, "the hint gives way to the explanation");
  await settled(page);
  assert.ok(!(await layoutNow(page)).lessonControls.showAnswer, "nothing left to show");
  await page.screenshot({ path: join(screenshotDir, "screenshot-lesson-tries-phone-2.png") });

  // Step 6: a wrong update, then Show answer by touch.
  assert.equal((await page.evaluate(() => window.lab.openLesson("chain-rule", 6))).ok, true);
  await settled(page);
  const s6 = await page.evaluate(() => window.lab.state());
  const g6 = (await page.evaluate(() => window.lab.chainRule(1, 1, 1))).paths.reduce((s, p) => s + p.product, 0);
  const updated = s6.weights[0][0][0] - s6.learningRate * g6;  // w − α·∂L/∂w: a batch of one sample
  q = await answerByTouch(page, shown(updated + 1, 4));
  assert.equal(q.revealed, false, q.feedback);
  await settled(page);
  await tap(page, (await layoutNow(page)).lessonControls.showAnswer, "Show answer");
  q = await waitUntil(page, () => { const q = window.lab.lesson().question; return q.revealed && q; }, null, "Show answer");
  assert.ok(Math.abs(statedValue(q.feedback) - updated) <= 1e-5, `the update ${updated}: ${q.feedback}`);
  const results = await page.evaluate(() => window.lab.lessonResults());
  assert.deepEqual(results.questions.find((r) => r.step === 6), { step: 6, tries: 2, firstTry: false, secondTry: null, revealed: true });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
