// Browser half of ./bench.sh: page weight, navigation to first frame, and the app's own CPU time per
// frame while training W1 at full speed with every view open, in headless Chromium.
// Prints "key value" lines like bench_training.cpp.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { startServer, launchBrowser, openLab, webDir } from "../tests/browser/harness.mjs";

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

let raw = 0, gzip = 0;
for (const name of readdirSync(webDir)) {
  const file = join(webDir, name);
  if (!statSync(file).isFile()) continue;
  const body = readFileSync(file);
  raw += body.length;
  gzip += gzipSync(body, { level: 9 }).length;
}
console.log(`page_raw_kib ${(raw / 1024).toFixed(1)}`);
console.log(`page_gzip_kib ${(gzip / 1024).toFixed(1)}`);

const { server, url } = await startServer();
const browser = await launchBrowser();
try {
  const firstFrame = [];
  for (let k = 0; k < 5; ++k) {
    const page = await openLab(browser, url);
    firstFrame.push(await page.evaluate(() => window.lab.firstFrameMs));
    await page.context().close();
  }
  console.log(`first_frame_ms ${median(firstFrame).toFixed(0)}`);

  const page = await openLab(browser, url);
  const W1 = { features: ["x1", "x2", "x1sq", "x2sq"], layers: [4, 3, 2, 1], activations: { hidden: "tanh", output: "tanh" },
               loss: "mse", batchSize: 10, pointCount: 250, learningRate: 0.03 };
  const r = await page.evaluate((w) => window.lab.configure(w), W1);
  if (!r.ok) throw new Error(r.error);
  await page.evaluate(() => { window.lab.setSpeed(1e9); window.lab.play(true); });
  await page.waitForTimeout(4000);  // the stats are smoothed over frames
  const samples = [];
  for (let k = 0; k < 5; ++k) {
    await page.waitForTimeout(400);
    samples.push(await page.evaluate(() => window.lab.stats()));
  }
  await page.evaluate(() => window.lab.play(false));
  const stepsPerEpoch = 250 / 10;
  const frame = median(samples.map((s) => s.frameMs)), train = median(samples.map((s) => s.trainMs));
  const steps = median(samples.map((s) => s.stepsPerFrame));
  console.log(`play_frame_cpu_ms ${frame.toFixed(2)}`);
  console.log(`play_train_ms ${train.toFixed(2)}`);
  console.log(`play_steps_per_frame ${steps.toFixed(0)}`);
  console.log(`play_epochs_per_s_at_60fps ${(steps / stepsPerEpoch * 60).toFixed(0)}`);
  console.log(`headless_fps ${median(samples.map((s) => s.fps)).toFixed(1)}`);
  // Per-frame CPU percentiles with the inspector on w¹₁₁ while Play runs flat out: the default
  // network, then the largest the lab allows (7 inputs, 6 hidden layers of 16, 2,000 points, batch
  // 1,000: 16⁵ paths from w¹₁₁), each over the lab's last 240 frames.
  const LARGEST = { features: ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"], layers: [7, 16, 16, 16, 16, 16, 16, 1],
                    pointCount: 2000, batchSize: 1000 };
  for (const [name, settings] of [["default", null], ["largest", LARGEST]]) {
    await page.evaluate((s) => {
      window.lab.resetDefaults();
      if (s) { const r = window.lab.configure(s); if (!r.ok) throw new Error(r.error); }
      window.lab.select({ layer: 1, i: 1, j: 1 });
      window.lab.setSpeed(1e9);
      window.lab.play(true);
    }, settings);
    await page.waitForTimeout(2000);  // past the first frames of the new network
    const before = await page.evaluate(() => { window.lab.stats({ reset: true }); return window.lab.state().step; });
    await page.waitForTimeout(10000);
    const s = await page.evaluate(() => window.lab.stats());
    const after = await page.evaluate(() => { window.lab.play(false); return window.lab.state().step; });
    console.log(`${name}_frame_cpu_p50_ms ${s.frameMsP50.toFixed(2)}`);
    console.log(`${name}_frame_cpu_p99_ms ${s.frameMsP99.toFixed(2)}`);
    console.log(`${name}_frame_cpu_max_ms ${s.frameMsMax.toFixed(2)}`);
    console.log(`${name}_steps_trained ${after - before}`);
    console.log(`${name}_frames ${s.recentFrames}`);
  }
  if (page.errors.length) throw new Error(page.errors.join("\n"));
} finally {
  await browser.close();
  server.close();
}
