// `lab.ready` means ready: on a fresh tablet (820×1180, touch) the layout read the moment the lab is
// ready is the one the user sees, so a tap aimed from it at a data point inspects that point, and
// layout() is the same a few frames later. Each round is a fresh page load in a fresh browser context
// (no autosave), as a first visit is.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, newLabContext } from "./harness.mjs";

const env = useBrowser();
const tablet = { width: 820, height: 1180, deviceScaleFactor: 2, hasTouch: true, isMobile: true };

// Plane coordinates to CSS pixels, from lab.layout().dataPlane (x₂ grows upwards).
const toScreen = (p, x1, x2) => ({
  x: p.left + ((x1 + p.extent) / (2 * p.extent)) * (p.right - p.left),
  y: p.top + ((p.extent - x2) / (2 * p.extent)) * (p.bottom - p.top),
});

// In each quarter of the plane, the point farthest from its nearest neighbour on screen (well inside
// the plane), so that a tap at its centre means that point; aimed at from a layout that has since
// moved, a tap lands on another point or on empty plane. Spread over the plane, at least one of them
// is far from where the old and the new layout agree.
function targets(plane, points) {
  const at = points.map((p) => toScreen(plane, p.x[0], p.x[1]));
  const best = new Map();
  at.forEach((a, k) => {
    if (a.x < plane.left + 10 || a.x > plane.right - 10 || a.y < plane.top + 10 || a.y > plane.bottom - 10) return;
    const gap = Math.min(...at.map((b, m) => (m === k ? Infinity : Math.hypot(a.x - b.x, a.y - b.y))));
    const quarter = `${points[k].x[0] < 0}${points[k].x[1] < 0}`;
    if (!best.has(quarter) || gap > best.get(quarter).gap) best.set(quarter, { index: k, at: a, gap });
  });
  return [...best.values()];
}

// What a user sees of the layout: the views, the plane, the neurons.
const geometry = (layout) => ({ mode: layout.mode, views: layout.views, dataPlane: layout.dataPlane, nodes: layout.nodes, radius: layout.radius });

test("tablet: a tap aimed from the layout read at lab.ready inspects the point aimed at", async () => {
  for (let round = 0; round < 3; ++round) {
    const context = await newLabContext(env.browser, tablet);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(env.url);
    // In one evaluation, as a script on the page would: nothing runs between ready and the read.
    const { layout, points, inspected } = await page.evaluate(async () => {
      await window.lab.ready;
      return { layout: window.lab.layout(), points: window.lab.points(), inspected: window.lab.selection().sample.pointIndex };
    });
    assert.equal(layout.mode, "compact", "an upright tablet is laid out compact");
    const aims = targets(layout.dataPlane, points);
    assert.equal(aims.length, 4, "a point to aim at in every quarter of the plane");
    let before = inspected;
    for (const target of aims) {
      if (target.index === before) continue;  // already inspected: a tap would change nothing
      await page.touchscreen.tap(Math.round(target.at.x), Math.round(target.at.y));
      // The tap either inspects another point or, on empty plane, adds one: wait for whichever happens.
      const outcome = await page.waitForFunction(([n, was]) => {
        if (window.lab.points().length > n) return { added: true };
        const now = window.lab.selection().sample.pointIndex;
        return now !== was ? { inspected: now } : null;
      }, [points.length, before], { timeout: 10000 }).then((h) => h.jsonValue());
      assert.deepEqual(outcome, { inspected: target.index },
        `round ${round}: the tap at (${Math.round(target.at.x)}, ${Math.round(target.at.y)}) aimed at point ${target.index}, ` +
        `${target.gap.toFixed(0)} px from its nearest neighbour`);
      before = target.index;
    }
    // The layout read at ready is still the one on screen a few frames on.
    const later = await page.evaluate(async () => {
      for (let k = 0; k < 5; ++k) await new Promise((done) => requestAnimationFrame(done));
      return window.lab.layout();
    });
    assert.deepEqual(geometry(later), geometry(layout), `round ${round}: the layout moved after lab.ready`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
