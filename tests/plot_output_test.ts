/// <reference lib="dom" />
import assert from "node:assert/strict";
import { DOMParser } from "npm:linkedom@^0.18";
import {
  type Chart,
  chartToHtml,
  chartToSvg,
  plotLines,
  saveChart,
} from "../plot.ts";

function sampleChart(): Chart {
  return plotLines({
    series: [
      { label: "generated", x: [1, 2, 3], y: [3, 1, 2] },
      { label: "input", x: [1, 2, 3], y: [2, 2, 2] },
    ],
    title: "Rate <over> time & more",
    xLabel: "Time (s)",
    yLabel: "Rate (Mbit/s)",
    caption: "Seeded sample.",
    name: "output-sample",
  });
}

Deno.test("chartToHtml() sizes title and caption inline", () => {
  // Notebook style sheets size a bare <h2> as a section heading.
  const html = chartToHtml(sampleChart());
  assert.match(html, /<h2 style="font: 600 15px\/1\.3 [^"]*">Rate/);
  assert.match(html, /<figcaption style="font: 400 12px[^"]*">Seeded/);
  assert.match(html, /^<figure[^>]* style="[^"]*margin: 8px 0 16px/);
});

Deno.test("chartToHtml() returns the named figure", () => {
  const html = chartToHtml(sampleChart());
  assert.match(html, /^<figure[^>]* data-chart="output-sample"/);
  assert.ok(html.includes("Rate &lt;over&gt; time &amp; more"));
  assert.ok(html.includes("<svg"));
});

Deno.test("chartToSvg() redraws title, legend and caption in SVG", () => {
  const chart = sampleChart();
  const svg = chartToSvg(chart);
  const document = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = document.documentElement!;
  assert.equal(root.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
  assert.equal(root.getAttribute("data-chart"), "output-sample");
  const texts = Array.from(
    root.querySelectorAll(":scope > text"),
    (t: Element) => t.textContent,
  );
  assert.deepEqual(texts, [
    "Rate <over> time & more",
    "generated",
    "input",
    "Seeded sample.",
  ]);
  const inner = root.querySelector("svg")!;
  const innerHeight = Number(inner.getAttribute("height"));
  assert.ok(Number(root.getAttribute("height")) > innerHeight);
  assert.ok(Number(inner.getAttribute("y")) > 0);
});

Deno.test("saveChart() writes a standalone HTML page", async () => {
  const path = await Deno.makeTempFile({ suffix: ".html" });
  try {
    await saveChart(sampleChart(), path);
    const page = await Deno.readTextFile(path);
    assert.match(page, /^<!DOCTYPE html>/);
    assert.ok(
      page.includes("<title>Rate &lt;over&gt; time &amp; more</title>"),
    );
    assert.ok(page.includes('data-chart="output-sample"'));
  } finally {
    await Deno.remove(path);
  }
});

Deno.test("saveChart() writes an SVG file to a file URL", async () => {
  const folder = await Deno.makeTempDir();
  try {
    const url = new URL(`file://${folder}/chart.SVG`);
    await saveChart(sampleChart(), url);
    const svg = await Deno.readTextFile(url);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  } finally {
    await Deno.remove(folder, { recursive: true });
  }
});

Deno.test("saveChart() rejects other file types", async () => {
  const folder = await Deno.makeTempDir();
  try {
    const path = `${folder}/chart.png`;
    await assert.rejects(
      () => saveChart(sampleChart(), path),
      /must end in \.html or \.svg/,
    );
    await assert.rejects(() => Deno.stat(path), Deno.errors.NotFound);
  } finally {
    await Deno.remove(folder, { recursive: true });
  }
});
