import assert from "node:assert/strict";
// @ts-types="npm:@types/seedrandom@^3.0.8"
import seedrandom from "npm:seedrandom@^3.0.5";
import { wasserstein1 } from "../lib/stats.ts";

Deno.test("wasserstein1() of a shift is the shift", () => {
  // W1 between a distribution and its translate by c is |c|. Values on a
  // grid of 1/1024 with 1024 values keep every step exact in binary.
  const random = seedrandom.alea("wasserstein-shift");
  const a = Float64Array.from(
    { length: 1024 },
    () => Math.floor(random() * 1024) / 1024,
  );
  const b = a.map((value) => value + 0.375);
  assert.equal(wasserstein1(a, b), 0.375);
  assert.equal(wasserstein1(b, a), 0.375);
});

Deno.test("wasserstein1() of a shifted continuous uniform", () => {
  const random = seedrandom.alea("wasserstein-uniform");
  const a = Float64Array.from({ length: 10_000 }, () => random());
  const shift = Math.PI / 10;
  const b = a.map((value) => value + shift);
  // Exact in real arithmetic. Rounding the shifted values moves W1 by about
  // 2^-52, and summing 2n terms whose total is below 1 errs by at most 2n u.
  const bound = 2 * (a.length + b.length) * Number.EPSILON;
  assert.ok(Math.abs(wasserstein1(a, b) - shift) < bound);
});

Deno.test("wasserstein1() of point masses is their distance", () => {
  // Masses at 0 and 2: the CDFs differ by 1 on [0, 2).
  assert.equal(wasserstein1([0, 0, 0], [2, 2, 2, 2, 2]), 2);
  // Half the mass of {0, 1} must move by 1 to reach {0}.
  assert.equal(wasserstein1([0, 1], [0]), 0.5);
});

Deno.test("wasserstein1() integrates unequal sizes exactly", () => {
  // F_a = 1/2 and F_b = 2/3 on [0, 1): W1 = 1/6.
  const distance = wasserstein1([0, 1], [0, 0, 1]);
  assert.ok(Math.abs(distance - 1 / 6) < 2 * Number.EPSILON);
  // F_a = 1/3 on [0, 1) and 2/3 on [1, 2); F_b = 1/2 on [0, 2):
  // W1 = 1/6 + 1/6.
  const spread = wasserstein1([0, 1, 2], [0, 2]);
  assert.ok(Math.abs(spread - 1 / 3) < 4 * Number.EPSILON);
});

Deno.test("wasserstein1() equals the mean sorted gap for equal sizes", () => {
  // For equal sizes, W1 = (1/n) sum |a_(i) - b_(i)| over order statistics.
  const random = seedrandom.alea("wasserstein-equal");
  const n = 5000;
  const a = Float64Array.from({ length: n }, () => random() * 3);
  const b = Float64Array.from({ length: n }, () => -Math.log(1 - random()));
  const sortedA = a.slice().sort();
  const sortedB = b.slice().sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(sortedA[i] - sortedB[i]);
  const reference = sum / n;
  // Recursive summation of N terms errs by at most (N - 1) u sum |x_i|, with
  // u = EPSILON / 2. The reference sums n gaps below 12 and divides by n, and
  // wasserstein1() sums at most 2n terms whose total is below 12. Together
  // they err by less than 3 n u 12.
  const bound = 2 * n * 12 * Number.EPSILON;
  assert.ok(Math.abs(wasserstein1(a, b) - reference) < bound);
});

Deno.test("wasserstein1() is 0 for a replicated sample", () => {
  const random = seedrandom.alea("wasserstein-replicated");
  const a = Float64Array.from({ length: 777 }, () => random());
  const twice = new Float64Array(2 * a.length);
  twice.set(a);
  twice.set(a, a.length);
  assert.equal(wasserstein1(a, twice), 0);
});

Deno.test("wasserstein1() drops NaN values", () => {
  assert.equal(wasserstein1([0, NaN, 0], [NaN, 1]), 1);
  assert.ok(Number.isNaN(wasserstein1([NaN], [1])));
  assert.ok(Number.isNaN(wasserstein1([1], [])));
});

Deno.test("wasserstein1() rejects an infinite value", () => {
  assert.throws(() => wasserstein1([0], [1, Infinity]), (error: Error) => {
    assert.ok(error instanceof RangeError, String(error));
    assert.match(
      error.message,
      /^Cannot compute Wasserstein-1 distance: value at index 1 is Infinity/,
    );
    return true;
  });
});
