import { describe, expect, it } from 'vitest';
import { FONT_SIZE, flowchartSvg, stepLines, textEms, toDot } from './flowchart.js';
import { DEMO_ITEMS } from './seed-data.js';

interface Node {
  width: number;
  texts: string[];
}

const decodeEntities = (t: string) =>
  t
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Each node's box width (from its polygon's points, in pt) and its text lines. */
function nodesOf(svg: string): Node[] {
  const groups = svg.split('<g id="node').slice(1);
  return groups.map((g) => {
    const points = /<polygon[^>]*points="([^"]+)"/.exec(g)?.[1] ?? '';
    const xs = points.split(' ').map((p) => Number(p.split(',')[0]));
    const texts = [...g.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decodeEntities(m[1] ?? ''));
    return { width: Math.max(...xs) - Math.min(...xs), texts };
  });
}

describe('执法流程图', () => {
  const steps = DEMO_ITEMS[1]?.data.steps ?? [];

  it('draws one box per step, in order, each at least as wide as its longest line needs (1 em per CJK char)', async () => {
    const svg = await flowchartSvg('test-version-1', steps);
    const nodes = nodesOf(svg);
    expect(nodes).toHaveLength(steps.length);
    steps.forEach((step, i) => {
      const node = nodes[i];
      expect(node?.texts).toEqual(stepLines(step));
      for (const line of node?.texts ?? []) expect(node?.width ?? 0).toBeGreaterThanOrEqual(textEms(line) * FONT_SIZE);
    });
    expect(svg.match(/<g id="edge/g)).toHaveLength(steps.length - 1);
  });

  it('is inline SVG that scales (width 100%, viewBox kept), uses a CJK font and is cached per version', async () => {
    const svg = await flowchartSvg('test-version-1', steps);
    expect(svg.startsWith('<svg width="100%"')).toBe(true);
    expect(svg).toMatch(/viewBox="[\d. -]+"/);
    expect(svg).not.toMatch(/height="[\d.]+pt"/);
    expect(svg).not.toContain('<!DOCTYPE');
    expect(svg).toContain('font-family="Noto Sans CJK SC"');
    // Cached: the same version id gives the same drawing even for other steps.
    expect(await flowchartSvg('test-version-1', [{ name: '别的', role: 'x', timeLimit: '' }])).toBe(svg);
  });

  it('quotes labels for DOT and escapes them in the SVG', async () => {
    const tricky = [{ name: '<script>"x"\\', role: '监察员 & 负责人', timeLimit: '' }];
    expect(toDot(tricky)).toContain('label="<script>\\"x\\"\\\\\\n监察员 & 负责人"');
    const svg = await flowchartSvg('test-version-tricky', tricky);
    expect(svg).not.toContain('<script>');
    expect(nodesOf(svg)[0]?.texts).toEqual(['<script>"x"\\', '监察员 & 负责人']);
  });
});
