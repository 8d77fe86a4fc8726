// Reading a TensorFlow Playground address (web/playground_link.js), without a browser: the cases
// the page's tests (foreign.test.mjs) do not open one by one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { isPlaygroundLink, readPlaygroundLink } from "../../web/playground_link.js";

test("a page section or another tool's state is not a Playground link; a Playground key makes one", () => {
  for (const hash of ["#section-2", "#state=abc", "#", "#a=1&b=2", "#activation"]) assert.equal(isPlaygroundLink(hash), false, hash);
  for (const hash of ["#activation=tanh", "#learningRate=0.03&state=abc", "#x=false"]) assert.equal(isPlaygroundLink(hash), true, hash);
});

test("a link without a hidden layer, regularization left out and percent-encoded commas read as the Playground means them", () => {
  const r = readPlaygroundLink("#networkShape=&regularizationRate=0.1&x=true&y=false", 4);
  assert.deepEqual(r.refused, []);
  assert.deepEqual(r.settings.features, ["x1"]);
  assert.deepEqual(r.settings.layers, [1, 1], "no hidden layer: the input straight to the output");
  assert.deepEqual(r.settings.regularization, { kind: "none", rate: 0.1 }, "the Playground leaves out regularization when it is none");
  assert.deepEqual(readPlaygroundLink("#networkShape=5%2C3", 2).settings.layers, [2, 5, 3, 1]);
});

test("every key that cannot be mapped is named with its value, and nothing is given to apply", () => {
  const r = readPlaygroundLink("#activation=softmax&batchSize=ten&problem=regression&initZero=true&networkShape=4,x" +
                               "&dataset=moons&learningRate=0.1&learningRate=0.2&discretize=maybe", 2);
  assert.equal(r.settings, undefined);
  for (const named of ["activation=softmax", "batchSize=ten", "problem=regression", "initZero=true", "networkShape=4,x",
                       "dataset=moons", "learningRate is given twice", "discretize=maybe"])
    assert.ok(r.refused.some((text) => text.startsWith(named)), `${named} in ${r.refused.join(" | ")}`);
  assert.deepEqual(readPlaygroundLink("#x=false&y=false", 2).refused.length, 1, "a network without inputs");
});

test("an address over the limit is refused unread, at once", () => {
  const hash = "#activation=tanh&" + "networkShape=4&".repeat(100000);
  const t0 = performance.now();
  assert.equal(isPlaygroundLink(hash), true);
  const r = readPlaygroundLink(hash, 2);
  assert.ok(performance.now() - t0 < 50, "refused without reading it");
  assert.ok(r.refused[0].startsWith(`the link is ${hash.length - 1} characters long`), r.refused[0]);
});
