// Share links in the browser: a link reopens the same state in a fresh page and both train to
// identical weights; bad links are refused and change nothing; a reload restores the autosaved lab.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openLab, settled, waitUntil } from "./harness.mjs";

const env = useBrowser();

// The state a link carries: everything but the loss curve, which a link does not hold, and the
// inspected sample's source (a batch sample is shared as the data point it is, see Lab::share_link).
const carried = (s) => {
  const { lossHistory, selection, ...rest } = s;
  return { ...rest, selected: selection.selected, inspectedPoint: selection.sample.pointIndex };
};

test("a shared link reopens the same state, and both pages train to identical weights", async () => {
  const teacher = await openLab(env.browser, env.url);
  const link = await teacher.evaluate(() => {
    window.lab.configure({ testFraction: 0.2, learningRate: 0.2 });
    window.lab.addPoint({ x: [0.3, -0.4], y: 0 });
    window.lab.train(137);
    window.lab.select({ layer: 2, i: 3, j: 1 });
    return window.lab.shareLink();
  });
  assert.match(link, /#lab=[A-Za-z0-9_-]+$/);
  const student = await openLab(env.browser, env.url, { hash: link.slice(link.indexOf("#")) });
  const [a, b] = await Promise.all([teacher.evaluate(() => window.lab.state()), student.evaluate(() => window.lab.state())]);
  assert.deepEqual(carried(b), carried(a));
  const [wa, wb] = await Promise.all([
    teacher.evaluate(() => { window.lab.train(500); return window.lab.state().weights; }),
    student.evaluate(() => { window.lab.train(500); return window.lab.state().weights; }),
  ]);
  assert.deepEqual(wb, wa, "bit-identical weights after 500 more steps");
  assert.deepEqual(student.errors, []);
  await teacher.context().close();
  await student.context().close();
});

test("the seed preset's link is at most 2,000 characters after the #", async () => {
  const page = await openLab(env.browser, env.url);
  const link = await page.evaluate(() => { window.lab.train(100); return window.lab.shareLink(); });
  assert.ok(link.length - link.indexOf("#") - 1 <= 2000, `${link.length} characters`);
  await page.context().close();
});

test("bad links are refused with a message and leave the state unchanged", async () => {
  const page = await openLab(env.browser, env.url);
  const results = await page.evaluate(() => {
    window.lab.train(20);
    const good = window.lab.shareLink();
    const payload = good.slice(good.indexOf("#lab=") + 5);
    const before = JSON.stringify(window.lab.state());
    const bad = [
      "https://example.org/lab",                      // no state at all
      "#lab=",                                        // empty
      "#lab=" + payload.slice(0, payload.length / 2), // truncated
      "#lab=" + payload + "AAAA",                     // trailing bytes
      "#lab=" + payload.replace(/^..../, "QkwJ"),     // a newer format version (9)
      "#lab=" + "%%%not-base64%%%",
      "#lab=" + "A".repeat(70000),                    // oversized
    ];
    return bad.map((link) => ({ link: link.slice(0, 40), r: window.lab.openLink(link), same: JSON.stringify(window.lab.state()) === before }));
  });
  for (const { link, r, same } of results) {
    assert.equal(r.ok, false, `accepted: ${link}`);
    assert.ok(typeof r.error === "string" && r.error.length > 10, `no message for ${link}`);
    assert.equal(same, true, `state changed by ${link}`);
  }
  await page.context().close();
});

test("a reload restores the autosaved state", async () => {
  const page = await openLab(env.browser, env.url);
  const before = await page.evaluate(() => { window.lab.configure({ dataset: "xor" }); window.lab.train(40); return window.lab.state(); });
  await waitUntil(page, () => Object.keys(localStorage).some((key) => {  // the autosave runs every 1.5 s
    const s = key.startsWith("backprop-lab-recent-v1/") && JSON.parse(localStorage.getItem(key)).summary;
    return s && s.dataset === "xor" && s.step === 40;
  }), null, "the autosave of the trained xor lab");
  await page.goto(env.url);             // no link in the address: the saved state comes back
  await page.evaluate(() => window.lab.ready);
  const after = await page.evaluate(() => window.lab.state());
  assert.equal(after.dataset, "xor");
  assert.equal(after.step, 40);
  assert.deepEqual(after.weights, before.weights);
  await page.context().close();
});

test("a lesson link locks what the teacher chose: a click on the data canvas adds no point", async () => {
  const teacher = await openLab(env.browser, env.url);
  const link = await teacher.evaluate(() => window.lab.shareLink({ locks: ["data", "tables"] }));
  const student = await openLab(env.browser, env.url, { hash: link.slice(link.indexOf("#")) });
  const state = await student.evaluate(() => window.lab.state());
  assert.deepEqual(state.locks, ["data", "tables"]);
  const { dataPlane: p } = await student.evaluate(() => window.lab.layout());  // steady from lab.ready on
  await student.mouse.click(p.left + 0.8 * (p.right - p.left), p.top + 0.1 * (p.bottom - p.top));
  await settled(student);  // the lab has drawn the frames after the click: a point would be added by now
  assert.equal((await student.evaluate(() => window.lab.points())).length, state.points.length);
  await teacher.context().close();
  await student.context().close();
});

test("Back returns to the set-up before a change, Forward comes back to it", async () => {
  const page = await openLab(env.browser, env.url);
  // The address bar follows the lab (training progress within 1.5 s); a change of set-up adds an entry.
  const addressShowsTheLab = (entries) =>
    location.hash === window.lab.shareLink().slice(window.lab.shareLink().indexOf("#")) && history.length > entries;
  await page.evaluate(() => window.lab.train(30));
  await waitUntil(page, addressShowsTheLab, 0, "the address bar to hold the trained lab");
  const entries = await page.evaluate(() => { window.lab.configure({ dataset: "xor" }); return history.length; });
  await waitUntil(page, addressShowsTheLab, entries, "the address bar to hold the xor lab in a new entry");
  assert.equal(await page.evaluate(() => window.lab.state().dataset), "xor");
  await page.goBack();
  await page.waitForFunction(() => window.lab.state().dataset === "circle", null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.lab.state().step), 30);
  await page.goForward();
  await page.waitForFunction(() => window.lab.state().dataset === "xor", null, { timeout: 5000 });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
