// The page's Content-Security-Policy (web/index.html): strict, kept to what the Emscripten glue
// needs, and the whole lab works under it with no violation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { useBrowser, newLabContext, openLabPage, webDir, waitUntil } from "./harness.mjs";

const env = useBrowser();

async function policy() {
  const html = await readFile(join(webDir, "index.html"), "utf8");
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  assert.ok(meta, "index.html has a Content-Security-Policy <meta>");
  const directives = new Map();
  for (const part of meta[1].split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return { html, directives };
}

// Records every CSP violation the page reports, from before its first script runs.
async function watchedContext() {
  const context = await newLabContext(env.browser);
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation",
      (e) => window.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`));
  });
  return context;
}

test("the policy refuses everything the page does not use, and the page has no inline code", async () => {
  const { html, directives } = await policy();
  assert.deepEqual(directives.get("default-src"), ["'none'"]);
  const script = directives.get("script-src");
  assert.ok(script.includes("'self'") && script.includes("'wasm-unsafe-eval'"));
  for (const token of ["'unsafe-inline'", "*", "data:", "blob:", "http:", "https:"])
    assert.ok(!script.includes(token), `script-src allows ${token}`);
  assert.deepEqual(directives.get("style-src"), ["'self'"]);
  assert.deepEqual(directives.get("img-src"), ["'self'", "data:", "blob:"]);
  assert.deepEqual(directives.get("connect-src"), ["'self'", "data:"]);
  for (const name of ["object-src", "base-uri", "form-action"]) assert.deepEqual(directives.get(name), ["'none'"], name);
  const markup = html.replace(/<!--[\s\S]*?-->/g, "");
  assert.equal([...markup.matchAll(/<script\b[^>]*>/g)].filter((m) => !/\ssrc=/.test(m[0])).length, 0, "an inline <script>");
  assert.ok(!/<style\b/.test(markup), "a <style> element");
  assert.ok(!/<[^>]+\sstyle=/.test(markup), "a style attribute");
  assert.ok(!/<[^>]+\son[a-z]+=/.test(markup), "an on…= handler attribute");
});

test("the policy forbids eval, and the Emscripten glue needs none", async () => {
  const { directives } = await policy();
  const glue = await readFile(join(webDir, "backprop_lab.js"), "utf8");
  assert.ok(!directives.get("script-src").includes("'unsafe-eval'"), "script-src allows 'unsafe-eval'");
  assert.ok(!/\bnew Function\b|\bnew_\(Function\b|[^.\w]eval\(/.test(glue),
    "the glue builds functions from text: link with -sDYNAMIC_EXECUTION=0");
});

test("under the policy the lab loads, trains, plays, saves and lists its labs, with no violation", async () => {
  const context = await watchedContext();
  const page = await openLabPage(context, env.url);
  const { start, end } = await page.evaluate(() => {
    const start = window.lab.state().trainingLoss;
    return { start, end: window.lab.train(1000) };
  });
  assert.ok(end < start, `the loss falls: ${start} -> ${end}`);
  await page.evaluate(() => { window.lab.setSpeed(100); window.lab.play(true); });
  await page.waitForFunction(() => window.lab.state().step > 1010, null, { timeout: 20000 });
  await page.evaluate(() => window.lab.play(false));
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("backprop-lab-recent-v1/")),
                             null, { timeout: 5000 });
  await page.evaluate(() => window.backpropLabAutosave.openRecentLabs());
  assert.equal(await page.locator(".recent-entry").count(), 1);
  await page.click("#recent-close");
  await page.reload();
  await page.evaluate(() => window.lab.ready);
  assert.ok(await page.evaluate(() => window.lab.state().step) > 1010, "the reload restored the lab");
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("the policy is enforced: a script added to the page is refused", async () => {
  const context = await watchedContext();
  const page = await openLabPage(context, env.url);
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.append(script);  // an allowed inline script would have run by the time this returns
  });
  const violations = await waitUntil(page, () => window.cspViolations.some((v) => v.startsWith("script-src")) && window.cspViolations,
    null, "the policy's report of the refused script");
  assert.ok(violations.some((v) => v.startsWith("script-src")), JSON.stringify(violations));
  assert.equal(await page.evaluate(() => window.injected === true), false, "the added script did not run");
  await context.close();
});
