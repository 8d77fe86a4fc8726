// Every built-in lesson, walked to its end by touch on a phone (390×844) and an upright tablet
// (820×1180): at each step the step's text, its question with its field (and keypad) or choices, and
// Back / Next lie inside the screen and inside the lesson's view; a value the step points at on the
// network is written where it can be read, inside the network's view. The test answers each question
// from what the screen shows (a choice it can see, the value on the neuron the step points at, read
// from the state the network view draws) by tapping the keypad and Check, and goes on with Next.
// Positions come from lab.layout(); screenshots of every step go to build/lesson-devices/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { useBrowser, openLab, screenshotDir, settled, waitUntil } from "./harness.mjs";

const env = useBrowser();

const devices = [
  { name: "phone", width: 390, height: 844, hasTouch: true, isMobile: true },
  { name: "tablet", width: 820, height: 1180, hasTouch: true, isMobile: false },
];

const inside = (r, box) => r.left >= box.left - 0.5 && r.top >= box.top - 0.5 && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5;
const describe = (r) => (r ? `[${Math.round(r.left)}, ${Math.round(r.top)}, ${Math.round(r.right)}, ${Math.round(r.bottom)}]` : "none");
const centre = (r) => ({ x: Math.round((r.left + r.right) / 2), y: Math.round((r.top + r.bottom) / 2) });

// The lab's layout once it is the same two frames running (a step's room settles a frame after it is shown).
async function steadyLayout(page) {
  let last = "";
  for (let k = 0; k < 30; ++k) {
    const now = JSON.stringify(await page.evaluate(() => window.lab.layout()));
    if (now === last) return JSON.parse(now);
    last = now;
    await settled(page);
  }
  assert.fail("the layout did not settle");
}

// The step's lesson on screen, once it is set up and its panel shown (a phone may show another view).
async function lessonReady(page, step) {
  await waitUntil(page, (s) => { const l = window.lab.lesson(); return l.open && !l.settingUp && l.step === s; }, step,
                  `step ${step} set up`, 60000);
  if (!(await page.evaluate(() => window.lab.layout().views.lesson))) await page.evaluate(() => window.lab.showView("lesson"));
  await waitUntil(page, () => window.lab.layout().views.lesson, null, "the lesson's view");
  return steadyLayout(page);
}

// A number as the network view writes it in a circle: sign and two significant digits.
const shortText = (v) => (Math.abs(v) >= 0.001 && Math.abs(v) < 100 ? String(Number(v.toPrecision(2))) : v.toExponential(1));

// The neuron value the step points at, as the network view writes it (the first sample of the
// step's batch, a^l_j), or null when the lab has none to show.
async function pointedValue(page, lesson) {
  const pointer = lesson.pointers.find((p) => p.kind === "neuron");
  if (!pointer) return null;
  const value = await page.evaluate(({ layer, j }) => {
    const pass = window.lab.pass();
    const rows = pass.a && pass.a[layer];
    return rows && rows.length && typeof rows[0][j - 1] === "number" ? rows[0][j - 1] : null;
  }, pointer);
  return { pointer, value };
}

async function tapKeys(page, text) {
  const keys = await page.evaluate(() => window.lab.layout().lessonControls.keys);
  for (const ch of text) {
    const key = keys && keys[ch === "-" ? "\u2212" : ch];
    assert.ok(key, `the keypad has a key for ${ch}`);
    await page.touchscreen.tap(centre(key).x, centre(key).y);
    await settled(page);
  }
}

for (const device of devices) {
  test(`every built-in lesson can be walked by touch on a ${device.name} (${device.width}×${device.height})`, async () => {
    const dir = join(screenshotDir, "lesson-devices");
    await mkdir(dir, { recursive: true });
    const page = await openLab(env.browser, env.url, device);
    const lessons = await page.evaluate(() => window.lab.lessons());
    assert.ok(lessons.length >= 6, "the built-in lessons are listed");
    const viewport = { left: 0, top: 0, right: device.width, bottom: device.height };
    for (const { name, steps } of lessons) {
      const opened = await page.evaluate((n) => window.lab.openLesson(n), name);
      assert.equal(opened.ok, true, `${name} opens: ${opened.error}`);
      for (let step = 1; step <= steps; ++step) {
        let layout = await lessonReady(page, step);
        const lesson = await page.evaluate(() => window.lab.lesson());
        const where = `${device.name}, ${name} step ${step}`;
        const panel = layout.views.lesson, c = layout.lessonControls;
        await page.screenshot({ path: join(dir, `${device.name}-${name}-${step}.png`) });
        for (const [what, r] of [["its text", c.text], ["Next", c.next], ["Back", c.back]]) {
          assert.ok(r && inside(r, viewport) && inside(r, panel), `${where}: ${what} ${describe(r)} lies in the lesson ${describe(panel)}`);
        }
        // The text keeps at least a line's room over the question.
        assert.ok(c.text.bottom - c.text.top >= 20, `${where}: the text has room (${describe(c.text)})`);
        const q = lesson.question;
        if (q) {
          assert.ok(c.question && inside(c.question, viewport) && inside(c.question, panel),
                    `${where}: the question ${describe(c.question)} lies in the lesson ${describe(panel)}`);
          const field = q.choices.length ? c.choices : [c.answer, c.check];
          for (const r of field) assert.ok(r && inside(r, c.question), `${where}: the answer's control ${describe(r)} is in the question ${describe(c.question)}`);
        }
        // A value the step points at on the network, shown with it, is inside the network's view.
        const pointed = await pointedValue(page, lesson);
        if (pointed && layout.views.network && pointed.value !== null) {
          const r = layout.values[pointed.pointer.layer][pointed.pointer.j - 1];
          assert.ok(r && inside(r, layout.views.network) && inside(r, viewport),
                    `${where}: the value of the neuron it points at ${describe(r)} lies in the network ${describe(layout.views.network)}`);
        }
        if (q) {
          if (q.choices.length) {
            const r = c.choices[0];
            await page.touchscreen.tap(centre(r).x, centre(r).y);
          } else {
            const typed = pointed && pointed.value !== null ? shortText(pointed.value) : "0";
            await tapKeys(page, typed);
            await page.touchscreen.tap(centre(c.check).x, centre(c.check).y);
          }
          await waitUntil(page, () => window.lab.lesson().question.answered, null, `${where}: the answer taken`);
          layout = await steadyLayout(page);
          assert.ok(inside(layout.lessonControls.next, viewport), `${where}: Next stays on screen after the feedback`);
        }
        const next = layout.lessonControls.next;
        await page.touchscreen.tap(centre(next).x, centre(next).y);
        if (step < steps) {
          await waitUntil(page, (s) => window.lab.lesson().step > s || window.lab.lesson().settingUp, step, `${where}: Next taken`);
        } else {
          await waitUntil(page, () => !window.lab.lesson().open, null, `${where}: Finish taken`);
        }
      }
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
