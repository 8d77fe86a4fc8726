// Addresses the lab does not make: a page section or another tool's state is named in a notice and
// replaced by the lab's own link; a TensorFlow Playground link sets the lab as the Playground means
// it, or, if any of it cannot be mapped, is refused by name and changes nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openLab, newLabContext, openLabPage, pollUntil } from "./harness.mjs";

const env = useBrowser();

// The Playground's own address at its start page (its default state; the seed is random there).
const playgroundDefault = "#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03" +
  "&regularizationRate=0&noise=0&networkShape=4,2&seed=0.80259&showTestData=false&discretize=false&percTrainData=50" +
  "&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false" +
  "&collectStats=false&problem=classification&initZero=false&hideText=false";

// What the address bar and the lab show after a page opened with `hash`.
const shown = (page) => page.evaluate(() => {
  const s = window.lab.state();
  return { hash: location.hash, own: window.lab.shareLink().slice(window.lab.shareLink().indexOf("#")), notice: s.notice, s };
});

test("a page section or another tool's state is named in a notice and replaced by the lab's own link", async () => {
  const plain = await openLab(env.browser, env.url);
  const defaults = await plain.evaluate(() => window.lab.state().layers);
  await plain.context().close();
  for (const hash of ["#section-2", "#state=abc"]) {
    const page = await openLab(env.browser, env.url, { hash });
    const { hash: now, own, notice, s } = await shown(page);
    assert.ok(notice.includes(hash), `the notice names ${hash}: ${notice}`);
    assert.match(notice, /not a Backprop Lab link/, notice);
    assert.match(notice, /the lab starts from its defaults/, notice);
    assert.equal(now, own, "the address bar shows the lab's own link");
    assert.deepEqual(s.layers, defaults, "the default lab opened");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test("with a saved lab, a foreign address says the saved lab is shown, and an empty # says nothing", async () => {
  const context = await newLabContext(env.browser);
  const work = await openLabPage(context, env.url);
  await work.evaluate(() => window.lab.configure({ learningRate: 0.25 }));
  await pollUntil(work, () => location.hash, null, (h) => h.startsWith("#lab="), "the edited lab to be saved");
  await work.close();

  const page = await openLabPage(context, env.url, { hash: "#section-2" });
  const { hash, own, notice, s } = await shown(page);
  assert.equal(s.learningRate, 0.25, "the saved lab opened");
  assert.match(notice, /this is the lab saved in this browser/, notice);
  assert.equal(hash, own);
  await page.close();

  const quiet = await openLabPage(context, env.url, { hash: "#" });
  assert.equal((await shown(quiet)).notice, "", "an empty # is no address: no notice");
  await context.close();
});

test("TensorFlow Playground's start address sets the lab as the Playground means it", async () => {
  const page = await openLab(env.browser, env.url, { hash: playgroundDefault });
  const { hash, own, notice, s } = await shown(page);
  assert.match(notice, /^The lab was set from a TensorFlow Playground link/, notice);
  // The Playground's start: inputs x and y, hidden layers of 4 and 2 tanh neurons, circle data
  // without noise, half of it for training, learning rate 0.03, batches of 10, no regularization.
  assert.deepEqual(s.features, ["x1", "x2"]);
  assert.deepEqual(s.layers, [2, 4, 2, 1]);
  assert.equal(s.activations.hidden, "tanh");
  assert.equal(s.dataset, "circle");
  assert.equal(s.noise, 0);
  assert.equal(s.testFraction, 0.5);
  assert.equal(s.learningRate, 0.03);
  assert.equal(s.batchSize, 10);
  assert.equal(s.regularization.kind, "none");
  assert.deepEqual(s.display, { discretize: false, showTestPoints: false });
  assert.equal(hash, own, "the address bar shows the lab's own link");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a Playground address with other choices maps each of them", async () => {
  const hash = "#activation=relu&regularization=L2&batchSize=25&dataset=spiral&regDataset=reg-plane&learningRate=0.1" +
    "&regularizationRate=0.003&noise=15&networkShape=6,6,3&seed=0.12345&showTestData=true&discretize=true&percTrainData=70" +
    "&x=true&y=true&xTimesY=true&xSquared=true&ySquared=false&cosX=false&sinX=true&cosY=false&sinY=false" +
    "&collectStats=false&problem=classification&initZero=false&hideText=false";
  const page = await openLab(env.browser, env.url, { hash });
  const { s } = await shown(page);
  // Inputs x, y, x², xy and sin x (in the lab's order of features), three hidden layers.
  assert.deepEqual(s.features, ["x1", "x2", "x1sq", "x1x2", "sinx1"]);
  assert.deepEqual(s.layers, [5, 6, 6, 3, 1]);
  assert.equal(s.activations.hidden, "relu");
  assert.equal(s.dataset, "spiral");
  assert.equal(s.noise, 0.15, "15 % noise");
  assert.ok(Math.abs(s.testFraction - 0.3) < 1e-12, "70 % for training: 30 % test points");
  assert.equal(s.learningRate, 0.1);
  assert.equal(s.batchSize, 25);
  assert.deepEqual(s.regularization, { kind: "l2", rate: 0.003 });
  assert.deepEqual(s.display, { discretize: true, showTestPoints: true });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a Playground address with a key the lab cannot map is refused by name and changes nothing", async () => {
  const before = await openLab(env.browser, env.url);
  const defaults = await before.evaluate(() => window.lab.state());
  await before.context().close();
  const hash = playgroundDefault.replace("activation=tanh", "activation=softmax").replace("cosX=false", "cosX=true")
    .replace("learningRate=0.03", "learningRate=3");
  const page = await openLab(env.browser, env.url, { hash });
  const { hash: now, own, notice, s } = await shown(page);
  assert.match(notice, /^This TensorFlow Playground link was not used, so the lab starts from its defaults/, notice);
  assert.match(notice, /activation=softmax/, notice);
  assert.match(notice, /cosX=true/, notice);
  assert.doesNotMatch(notice, /learningRate/, "a key that maps is not named");
  const settings = (x) => ({ layers: x.layers, activations: x.activations, learningRate: x.learningRate, dataset: x.dataset,
    features: x.features, testFraction: x.testFraction, noise: x.noise, batchSize: x.batchSize, display: x.display });
  assert.deepEqual(settings(s), settings(defaults), "nothing of the link was applied");
  assert.equal(now, own);
  await page.context().close();
});

test("a Playground address pasted into an open lab sets it; a hostile long one is refused at once", async () => {
  const page = await openLab(env.browser, env.url);
  const features = await page.evaluate(() => window.lab.state().features);
  const notice = await page.evaluate(() => {
    location.hash = "#activation=sigmoid&networkShape=3&learningRate=0.3";
    return new Promise((resolve) => addEventListener("hashchange", () => setTimeout(() => resolve(window.lab.state().notice)), { once: true }));
  });
  assert.match(notice, /^The lab was set from a TensorFlow Playground link/, notice);
  const s = await page.evaluate(() => window.lab.state());
  // The link names no inputs: the lab keeps its own, under one hidden layer of 3.
  assert.deepEqual(s.features, features);
  assert.deepEqual(s.layers, [features.length, 3, 1]);
  assert.equal(s.activations.hidden, "sigmoid");
  assert.equal(s.learningRate, 0.3);

  const long = await page.evaluate(() => {
    const t0 = performance.now();
    location.hash = "#activation=tanh&" + "networkShape=4&".repeat(20000);
    return new Promise((resolve) => addEventListener("hashchange", () => setTimeout(() =>
      resolve({ ms: performance.now() - t0, notice: window.lab.state().notice, hash: location.hash,
                own: window.lab.shareLink().slice(window.lab.shareLink().indexOf("#")), layers: window.lab.state().layers })), { once: true }));
  });
  assert.match(long.notice, /This TensorFlow Playground link was not used, so the lab has not changed: the link is \d+ characters long/, long.notice);
  assert.deepEqual(long.layers, [features.length, 3, 1], "the lab has not changed");
  assert.equal(long.hash, long.own);
  assert.ok(long.ms < 1000, `refused in ${long.ms} ms`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
