// Test harness: serves the built page from a loopback-only static server and opens it in Debian's
// Chromium (headless, WebGL 2 on SwiftShader) through playwright-core.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

const here = fileURLToPath(new URL(".", import.meta.url));
export const webDir = resolve(process.env.BP_WEB_DIR || join(here, "../../build/web"));
export const screenshotDir = resolve(join(here, "../../build"));

const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml" };

export async function startServer() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(webDir, path === "/" ? "index.html" : path));
    if (!file.startsWith(webDir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-gpu",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--no-first-run", "--disable-quic"],
  });
}

// Opens the lab in a fresh page (a browser context of its own); errors go to page.errors.
// hasTouch and isMobile make it a phone's or a tablet's page: touch events, page.touchscreen.
export async function openLab(browser, url, { width = 1440, height = 900, deviceScaleFactor = 1, hash = "", hasTouch = false, isMobile = false } = {}) {
  return openLabPage(await newLabContext(browser, { width, height, deviceScaleFactor, hasTouch, isMobile }), url, { hash });
}

// For a test file: one server and one browser for all its tests, closed at the end. The returned
// object's url and browser are set once the file's tests start.
export function useBrowser() {
  const env = { url: "", browser: null, server: null };
  before(async () => {
    ({ server: env.server, url: env.url } = await startServer());
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

// A browser context for several pages: its pages share localStorage, like the tabs of one browser.
export async function newLabContext(browser, { width = 1440, height = 900, deviceScaleFactor = 1, hasTouch = false, isMobile = false } = {}) {
  return browser.newContext({ viewport: { width, height }, deviceScaleFactor, hasTouch, isMobile });
}

// Opens the lab in a new page of an existing context (a new tab); collects console errors, failed
// requests and page errors into page.errors.
export async function openLabPage(context, url, { hash = "" } = {}) {
  const page = await context.newPage();
  page.errors = [];
  page.on("console", (m) => { if (m.type() === "error") page.errors.push(`${m.text()} (${m.location().url})`); });
  page.on("response", (r) => { if (r.status() >= 400) page.errors.push(`HTTP ${r.status()} for ${r.url()}`); });
  page.on("pageerror", (e) => page.errors.push(String(e)));
  await page.goto(url + hash);
  await page.evaluate(() => window.lab.ready);
  return page;
}

// Waits three animation frames, until the lab has drawn the frames that follow the last change (a
// call, a key, a resize), so that layout() and a screenshot describe the page after it.
export async function settled(page) {
  await page.evaluate(() => new Promise((done) => {
    let left = 3;
    const next = () => (--left === 0 ? done() : requestAnimationFrame(next));
    requestAnimationFrame(next);
  }));
}

// Waits until fn(arg), run in the page, returns something truthy (a state of the lab, of the page or
// of its storage), checked every animation frame, and returns that value; after `timeout` ms it fails
// naming `what`. Tests wait on what they expect, never a fixed time.
export async function waitUntil(page, fn, arg, what, timeout = 15000) {
  try {
    return await (await page.waitForFunction(fn, arg, { timeout })).jsonValue();
  } catch (error) {
    throw new Error(`timed out waiting for ${what}: ${error.message.split("\n")[0]}`);
  }
}

// The same for a condition checked here rather than in the page: reads `read(arg)` in the page each
// animation frame until `has` accepts it, and returns it; after `timeout` ms it fails with the last
// value read.
export async function pollUntil(page, read, arg, has, what, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(read, arg);
    if (has(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(value).slice(0, 400)}`);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
  }
}
