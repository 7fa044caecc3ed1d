import type { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { Step } from './item-data.js';

// 执法流程图: the steps of a version as a top-down chain of boxes, drawn by Graphviz (WASM).

export const FONT_SIZE = 14;
/** Horizontal padding inside a box, in points (both sides together). */
const PADDING = 28;
const CACHE_LIMIT = 500;

let loading: Promise<Graphviz> | undefined;
const cache = new Map<string, string>();

/** The WASM module is loaded once, on first use, and reused. */
function graphviz(): Promise<Graphviz> {
  loading ??= import('@hpcc-js/wasm-graphviz').then((m) => m.Graphviz.load());
  return loading;
}

/** Width of a line in em: Graphviz underestimates CJK, so count 1 em per wide char and 0.6 em otherwise. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 1 : 0.6;
  return ems;
}

/** The lines of a step's box: its name, then who does it and within what time. */
export function stepLines(step: Step): string[] {
  const detail = [step.role, step.timeLimit].filter((t) => t !== '').join(' · ');
  return detail === '' ? [step.name] : [step.name, detail];
}

/** Minimum box width in points for these lines. */
export function boxWidthPoints(lines: readonly string[]): number {
  return Math.max(...lines.map(textEms)) * FONT_SIZE + PADDING;
}

const quoted = (text: string) =>
  `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;

export function toDot(steps: readonly Step[]): string {
  const nodes = steps.map((step, i) => {
    const lines = stepLines(step);
    const inches = (boxWidthPoints(lines) / 72).toFixed(2);
    const label = lines.map((l) => quoted(l).slice(1, -1)).join('\\n');
    return `  s${i} [label="${label}", width=${inches}];`;
  });
  const edges = steps.slice(1).map((_, i) => `  s${i} -> s${i + 1};`);
  return [
    'digraph flow {',
    '  graph [rankdir=TB, nodesep=0.3, ranksep=0.3, bgcolor="transparent"];',
    `  node [shape=box, style="filled", fillcolor="#f3f6fa", color="#1f4e79", fontname="Noto Sans CJK SC", fontsize=${FONT_SIZE}, height=0.6, margin="0.14,0.08"];`,
    '  edge [color="#1f4e79", arrowsize=0.8];',
    ...nodes,
    ...edges,
    '}',
  ].join('\n');
}

/** Inline SVG without the XML prolog, doctype or comments; it scales to its container (width 100%). */
function inline(svg: string): string {
  const start = svg.indexOf('<svg');
  const body = svg.slice(start).replace(/<!--[\s\S]*?-->\n?/g, '');
  return body.replace(/^<svg width="([\d.]+)pt" height="[\d.]+pt"/, (_m, w: string) => {
    return `<svg width="100%" style="max-width:${w}pt" role="img" aria-label="执法流程图" preserveAspectRatio="xMidYMin meet"`;
  });
}

/** The flowchart of a version as inline SVG; cached per version id (published versions never change). */
export async function flowchartSvg(versionId: string, steps: readonly Step[]): Promise<string> {
  const cached = cache.get(versionId);
  if (cached !== undefined) return cached;
  const svg = inline((await graphviz()).dot(toDot(steps)));
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(versionId, svg);
  return svg;
}
