// Nothing lost: a refused link changes no save, an edit just before a reload survives it, a save the
// browser refuses says so and offers a download, two tabs keep each other's work, Recent labs brings
// back any of the last labs, and the earlier version's autosave is kept.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useBrowser, openLab, newLabContext, openLabPage, settled, pollUntil } from "./harness.mjs";

const env = useBrowser();

// The saved labs: one localStorage key each, "backprop-lab-recent-v1/<id>".
const savedLabs = (page) => page.evaluate(() => Object.keys(localStorage)
  .filter((key) => key.startsWith("backprop-lab-recent-v1/")).map((key) => JSON.parse(localStorage.getItem(key))));
// Waits until the summaries of the saved labs, newest first, pass `has`.
const savedWhen = (page, has, what) => pollUntil(page, () => Object.keys(localStorage)
  .filter((key) => key.startsWith("backprop-lab-recent-v1/")).map((key) => JSON.parse(localStorage.getItem(key)))
  .sort((a, b) => b.time - a.time).map((e) => e.summary || {}), null, has, what);
const payloadOf = (link) => link.slice(link.indexOf("#lab=") + 5);
// What the lab's More menu does for "Recent labs…": it asks the page to show its list.
const openRecentLabs = (page) => page.evaluate(() => window.backpropLabAutosave.openRecentLabs());

test("a refused link changes no save: it leaves the address bar, and a plain page brings the work back", async () => {
  const context = await newLabContext(env.browser);
  const work = await openLabPage(context, env.url);
  const link = await work.evaluate(() => {
    window.lab.configure({ learningRate: 0.2 });
    window.lab.train(50);
    return window.lab.shareLink();
  });
  await savedWhen(work, (saved) => saved.some((s) => s.learningRate === 0.2 && s.step === 50), "the trained lab to be saved");
  await work.close();

  const payload = payloadOf(link);
  const bad = await openLabPage(context, env.url, { hash: "#lab=" + payload.slice(0, payload.length / 2) });
  const opened = await bad.evaluate(() => window.lab.state());
  assert.equal(opened.step, 0, "the truncated link is refused: the defaults open");
  // The notice says why in the learner's words: no API call's name in it.
  assert.match(opened.notice, /^This link could not be opened, so the lab starts from its defaults: /, opened.notice);
  assert.doesNotMatch(opened.notice, /openLink/, opened.notice);
  // Kept as a time on purpose: it checks that nothing is saved or written to the address bar over
  // longer than any autosave period (2.5 s > the 1.5 s of progress), which no state can signal.
  await bad.waitForTimeout(2500);
  const hash = await bad.evaluate(() => location.hash);
  assert.ok(hash === "", `the refused link left the address bar (it holds ${hash.slice(0, 24)}…)`);
  await bad.reload();
  await bad.evaluate(() => window.lab.ready);
  assert.deepEqual(bad.errors, []);
  await bad.close();

  const fresh = await openLabPage(context, env.url);
  const back = await fresh.evaluate(() => window.lab.state());
  assert.equal(back.learningRate, 0.2, "the work from before the bad link is restored");
  assert.equal(back.step, 50);
  assert.deepEqual(fresh.errors, []);
  await context.close();
});

// Reloads the page and checks it opened the edit both reload tests make last (α 0.4, 7 steps).
async function reloadKeepsTheEdit(page) {
  await page.reload();
  await page.evaluate(() => window.lab.ready);
  const s = await page.evaluate(() => window.lab.state());
  assert.equal(s.learningRate, 0.4);
  assert.equal(s.step, 7);
  assert.deepEqual(page.errors, []);
  await page.context().close();
}

test("an edit just before a reload survives it, also when the address bar still holds an older link", async () => {
  const page = await openLab(env.browser, env.url);
  await page.evaluate(() => window.lab.configure({ learningRate: 0.3 }));
  await page.reload();  // at once: well within any autosave period
  await page.evaluate(() => window.lab.ready);
  assert.equal(await page.evaluate(() => window.lab.state().learningRate), 0.3);

  await page.evaluate(() => window.lab.configure({ learningRate: 0.35 }));
  await page.waitForFunction(() => location.hash.startsWith("#lab="), null, { timeout: 5000 });
  const behind = await page.evaluate(() => {
    const address = location.hash;
    window.lab.configure({ learningRate: 0.4 });
    window.lab.train(7);
    return location.hash === address && !address.endsWith(window.lab.shareLink().split("#")[1]);
  });
  assert.equal(behind, true, "the address bar still holds the link from before the edit");
  await reloadKeepsTheEdit(page);
});

// A reload that comes while the browser still holds the address from before the page's last write
// (the page wrote it a moment before): the tab goes on with its own, newer lab.
test("a reload of an address older than the page's last write opens the tab's newer lab", async () => {
  const page = await openLab(env.browser, env.url);
  await page.evaluate(() => window.lab.configure({ learningRate: 0.35 }));
  await page.waitForFunction(() => location.hash.startsWith("#lab="), null, { timeout: 5000 });
  const older = await page.evaluate(() => location.hash);
  await page.evaluate(() => { window.lab.configure({ learningRate: 0.4 }); window.lab.train(7); });
  await page.waitForFunction((h) => location.hash !== h, older, { timeout: 5000 });  // written and recorded
  await page.evaluate((h) => history.replaceState(null, "", h), older);  // the address the browser reloads
  await reloadKeepsTheEdit(page);
});

test("a save the browser refuses shows a message and a download that keeps the lab", async () => {
  const context = await newLabContext(env.browser);
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };
  });
  const page = await openLabPage(context, env.url);
  assert.equal(await page.locator("#save-failed").isVisible(), false, "no message before a save fails");
  await page.evaluate(() => window.lab.configure({ learningRate: 0.2 }));
  const bar = page.locator("#save-failed");
  await bar.waitFor({ state: "visible", timeout: 5000 });
  const text = await bar.innerText();
  assert.match(text, /not being saved/);
  assert.match(text, /full/);
  assert.match(text, /Download/);
  const button = page.locator("#save-failed-download");
  assert.ok((await button.boundingBox()).height >= 44, "the button is big enough for a finger");
  const link = await page.evaluate(() => window.lab.shareLink());
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  assert.match(download.suggestedFilename(), /^backprop-lab-[0-9-]+\.html$/);
  const file = await readFile(await download.path(), "utf8");
  assert.ok(file.includes(`href="${link}"`), "the file links to this lab");
  await page.click("#save-failed-dismiss");
  assert.equal(await bar.isVisible(), false);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("two tabs keep each other's work: a new page opens the latest, Recent labs holds the other", async () => {
  const context = await newLabContext(env.browser);
  const a = await openLabPage(context, env.url);
  const b = await openLabPage(context, env.url);
  await a.evaluate(() => window.lab.configure({ learningRate: 0.25 }));
  await b.evaluate(() => { window.lab.setSpeed(60); window.lab.play(true); });
  await savedWhen(a, (saved) => saved.some((s) => s.learningRate === 0.25) && saved[0]?.step > 0 && saved[0]?.learningRate === 0.1,
    "the first tab's edit saved, and the playing tab's progress saved after it");
  assert.ok(await b.evaluate(() => window.lab.state().step) > 0, "the second tab trains");

  const c = await openLabPage(context, env.url);
  const latest = await c.evaluate(() => window.lab.state());
  assert.equal(latest.learningRate, 0.1, "the newest save is the playing tab's");
  assert.ok(latest.step > 0);
  const saved = await savedLabs(c);
  assert.ok(saved.every((e) => e.version === 1));
  assert.ok(saved.some((e) => e.summary.learningRate === 0.25), "the first tab's edit is still saved");

  await openRecentLabs(c);
  const entry = c.locator(".recent-entry", { hasText: "α 0.25" });
  assert.equal(await entry.count(), 1);
  await entry.click();
  assert.equal(await c.evaluate(() => window.lab.state().learningRate), 0.25);
  for (const page of [a, b, c]) assert.deepEqual(page.errors, []);
  await context.close();
});

test("Recent labs lists the last labs, opens one, and is usable by touch and keyboard", async () => {
  const page = await openLab(env.browser, env.url);
  await page.evaluate(() => { window.lab.configure({ dataset: "xor" }); window.lab.train(40); });
  await savedWhen(page, (saved) => saved[0]?.dataset === "xor" && saved[0]?.step === 40, "the xor lab to be saved");
  await page.evaluate(() => window.lab.resetDefaults());
  await savedWhen(page, (saved) => saved.length === 2 && saved[0]?.dataset === "circle" && saved[0]?.step === 0,
    "the lab after Defaults to be saved beside the xor lab");

  // Closed, nothing of it lies over the lab: the keyboard's button is out of sight, the list shut.
  const key = page.locator("#recent-keyboard");
  const hidden = await key.boundingBox();
  assert.ok(hidden.y + hidden.height <= 0, `the keyboard's button is out of sight: ${JSON.stringify(hidden)}`);
  assert.equal(await page.locator("#recent-dialog").isVisible(), false);

  await openRecentLabs(page);
  assert.equal(await page.locator("#recent-dialog").isVisible(), true);
  const entries = page.locator(".recent-entry");
  assert.equal(await entries.count(), 2, "the xor lab and, after Defaults, the lab open now");
  for (let k = 0; k < 2; ++k) assert.ok((await entries.nth(k).boundingBox()).height >= 44);
  assert.match(await entries.nth(0).innerText(), /4-3-2-1 network · circle data · step\s0[\s\S]*open now/);
  const xor = page.locator(".recent-entry", { hasText: "xor data · step 40" });
  assert.equal(await xor.count(), 1);
  await xor.click();
  assert.equal(await page.locator("#recent-dialog").isVisible(), false);
  const s = await page.evaluate(() => window.lab.state());
  assert.equal(s.dataset, "xor");
  assert.equal(s.step, 40);
  assert.match(await page.evaluate(() => location.hash), /^#lab=/);

  // Opened from the lab, Escape closes the list and the keyboard is the lab's again.
  await page.locator("#canvas").focus();
  await openRecentLabs(page);
  assert.equal(await page.locator("#recent-dialog").isVisible(), true);
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#recent-dialog").isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), "canvas");

  // The keyboard alone: Tab from the lab shows the button, Enter opens the list, Escape closes it,
  // and Space on its buttons never reaches the lab (where Space is Play).
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "recent-keyboard");
  const shown = await key.boundingBox();
  assert.ok(shown.y >= 0 && shown.height >= 44, `focused, the button is on screen: ${JSON.stringify(shown)}`);
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#recent-dialog").isVisible(), true);
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#recent-dialog").isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), "recent-keyboard", "back where it was");
  await page.keyboard.press("Space");
  assert.equal(await page.locator("#recent-dialog").isVisible(), true);
  await page.locator("#recent-close").focus();
  await page.keyboard.press("Space");
  assert.equal(await page.locator("#recent-dialog").isVisible(), false);
  await settled(page);  // the lab has drawn the frames after the key: it would play by now
  assert.equal(await page.evaluate(() => window.lab.state().playing), false, "Space stayed with the buttons");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the earlier version's autosave opens and joins Recent labs", async () => {
  const maker = await openLab(env.browser, env.url);
  const link = await maker.evaluate(() => { window.lab.configure({ dataset: "gauss" }); window.lab.train(25); return window.lab.shareLink(); });
  await maker.context().close();

  const context = await newLabContext(env.browser);
  const setup = await context.newPage();
  await setup.goto(env.url + "favicon.svg");  // the page's origin, without the lab
  await setup.evaluate((p) => localStorage.setItem("backprop-lab-state", p), payloadOf(link));
  await setup.close();

  const page = await openLabPage(context, env.url);
  const s = await page.evaluate(() => window.lab.state());
  assert.equal(s.dataset, "gauss");
  assert.equal(s.step, 25);
  const saved = await savedLabs(page);
  assert.equal(saved.length, 1);
  assert.equal(saved[0].link, payloadOf(link));
  assert.equal(saved[0].summary.step, 25, "described once it opened");
  assert.equal(await page.evaluate(() => localStorage.getItem("backprop-lab-state")), null, "moved into the list");
  assert.deepEqual(page.errors, []);
  await context.close();
});
