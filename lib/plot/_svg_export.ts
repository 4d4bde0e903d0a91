/// <reference lib="dom" />
/**
 * Turns a Plot figure into one standalone SVG document. Plot writes the
 * title, subtitle, colour legend and caption as HTML around its SVG; they are
 * redrawn here as SVG text and swatches above and below it.
 *
 * @module
 */

import type { Chart } from "./_chart.ts";
import { escapeHtml } from "./_html.ts";

const TITLE_SIZE = 16;
const TEXT_SIZE = 12;
const LINE_GAP = 8;
const SWATCH = 12;
/** Average glyph width of 12 px system-ui text, used to lay out the legend. */
const GLYPH_WIDTH = 6.5;

/**
 * Serializes a chart as a standalone SVG document with its title, legend and
 * caption.
 *
 * @param chart A chart from one of the plot builders.
 * @returns SVG markup with an XML namespace, on a white background.
 * @throws {TypeError} When the chart contains no `<svg>` element.
 */
export function composeSvg(chart: Chart): string {
  const plot = mainSvg(chart);
  const width = Number(plot.getAttribute("width"));
  const height = Number(plot.getAttribute("height"));
  const parts: string[] = [];
  let y = 0;

  const text = (content: string, size: number, weight = "normal") => {
    y += size + LINE_GAP;
    parts.push(
      `<text x="0" y="${y}" font-size="${size}" font-weight="${weight}">${
        escapeHtml(content)
      }</text>`,
    );
  };
  const title = childText(chart, "h2");
  if (title) text(title, TITLE_SIZE, "bold");
  const subtitle = childText(chart, "h3");
  if (subtitle) text(subtitle, TEXT_SIZE);
  y = legend(chart, width, y, parts);

  const inner = plot.cloneNode(true) as SVGSVGElement;
  inner.setAttribute("y", String(y + LINE_GAP));
  inner.setAttribute("style", `width: ${width}px; height: ${height}px`);
  parts.push(inner.outerHTML);
  y += LINE_GAP + height;
  const caption = childText(chart, "figcaption");
  if (caption) text(caption, TEXT_SIZE);

  const name = escapeHtml(chart.getAttribute("data-chart") ?? "");
  const total = Math.ceil(y + LINE_GAP);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="system-ui, sans-serif" data-chart="${name}">` +
    `<rect width="100%" height="100%" fill="white"/>${parts.join("")}</svg>\n`;
}

/** Draws the swatches of the colour legend in rows; returns the new y. */
function legend(chart: Chart, width: number, top: number, parts: string[]) {
  const swatches = chart.querySelectorAll("[class$='-swatch']");
  if (swatches.length === 0) return top;
  let x = 0;
  let y = top + LINE_GAP;
  for (const swatch of swatches) {
    const box = swatch.querySelector("svg");
    const colour = box?.getAttribute("fill") ?? box?.getAttribute("stroke");
    const label = swatch.textContent ?? "";
    const itemWidth = SWATCH + 6 + label.length * GLYPH_WIDTH + 16;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += SWATCH + LINE_GAP;
    }
    parts.push(
      `<rect x="${x}" y="${y}" width="${SWATCH}" height="${SWATCH}" fill="${
        escapeHtml(colour ?? "currentColor")
      }"/>`,
      `<text x="${x + SWATCH + 6}" y="${
        y + SWATCH - 2
      }" font-size="${TEXT_SIZE}">${escapeHtml(label)}</text>`,
    );
    x += itemWidth;
  }
  return y + SWATCH;
}

/** Returns the chart's own plot SVG, not a legend swatch. */
function mainSvg(chart: Chart): SVGSVGElement {
  if (chart.tagName.toLowerCase() === "svg") return chart as SVGSVGElement;
  for (const child of chart.children) {
    if (child.tagName.toLowerCase() === "svg") return child as SVGSVGElement;
  }
  throw new TypeError(
    `Cannot export chart ${
      chart.getAttribute("data-chart")
    } as SVG: it contains no <svg> element; pass a chart from a plot builder`,
  );
}

/** Returns the text of the first direct child with a given tag, or "". */
function childText(chart: Chart, tag: string): string {
  for (const child of chart.children) {
    if (child.tagName.toLowerCase() === tag) return child.textContent ?? "";
  }
  return "";
}
