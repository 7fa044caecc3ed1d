import {
  AlignmentType,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { type Block, type Cell, DEFAULT_WIDTHS, type DocContent } from './content.js';

/** Millimetres to twips (1/20 pt), rounded. */
const mm = (n: number): number => Math.round((n / 25.4) * 1440);

/** GB/T 9704-2012: A4, 天头 37 mm, 下白边 35 mm, 订口 28 mm, 切口 26 mm. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
} as const;
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export const FONTS = { title: '方正小标宋简体', body: '仿宋_GB2312', figures: 'Times New Roman', pageNumber: '宋体' } as const;
/** Sizes in half-points: 二号 22 pt title, 三号 16 pt body, 四号 14 pt tables and page numbers. */
const SIZE = { title: 44, body: 32, table: 28 } as const;
/** Exact line heights in twips: 28 pt body (22 lines a page), 36 pt title, 24 pt in tables. */
const LINE = { body: 560, title: 720, table: 480 } as const;
/** Two characters of 三号 text. */
const TWO_CHARS = 640;

const font = (eastAsia: string) => ({ eastAsia, ascii: FONTS.figures, hAnsi: FONTS.figures });
const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
const run = (text: string, options: { size?: number; bold?: boolean; face?: string } = {}) =>
  new TextRun({ text, font: font(options.face ?? FONTS.body), size: options.size ?? SIZE.body, bold: options.bold ?? false });

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function titleLines(content: DocContent): Paragraph[] {
  const title = (text: string) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact(LINE.title),
      children: [run(text, { size: SIZE.title, face: FONTS.title })],
    });
  const lines = [title(content.agency), title(content.title)];
  if (content.number !== null) {
    lines.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(LINE.body), children: [run(content.number)] }));
  }
  lines.push(new Paragraph({ spacing: exact(LINE.body), children: [] }));
  return lines;
}

function paragraph(block: Extract<Block, { kind: 'paragraph' }>): Paragraph {
  const indent = block.indent ?? true;
  return new Paragraph({
    alignment: block.align ? ALIGN[block.align] : AlignmentType.JUSTIFIED,
    spacing: exact(LINE.body),
    ...(indent ? { indent: { firstLine: TWO_CHARS, firstLineChars: 200 } } : {}),
    children: [run(block.text, { bold: block.bold ?? false })],
  });
}

const columnWidths = (shares: readonly number[]): number[] => shares.map((share) => Math.floor(TEXT_WIDTH * share));

function tableCell(cell: Cell, columnIndex: number, widths: readonly number[]): TableCell {
  const span = cell.span ?? 1;
  const width = widths.slice(columnIndex, columnIndex + span).reduce((a, b) => a + b, 0);
  const lines = cell.text.split('\n');
  return new TableCell({
    columnSpan: span,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: cell.tall ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: lines.map(
      (text) =>
        new Paragraph({
          alignment: cell.label ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: exact(LINE.table),
          children: [run(text, { size: SIZE.table, bold: cell.label ?? false })],
        }),
    ),
  });
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const widths = columnWidths(block.widths ?? DEFAULT_WIDTHS);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: block.rows.map((cells) => {
      let at = 0;
      const children = cells.map((c) => {
        const made = tableCell(c, at, widths);
        at += c.span ?? 1;
        return made;
      });
      if (at !== widths.length) throw new Error(`table row spans ${at} columns, not ${widths.length}`);
      const tall = cells.some((c) => c.tall);
      return new TableRow({ children, cantSplit: true, height: { value: tall ? 1600 : 560, rule: HeightRule.ATLEAST } });
    }),
  });
}

function signature(block: Extract<Block, { kind: 'signature' }>): Paragraph[] {
  const blank = () => new Paragraph({ spacing: exact(LINE.body), children: [] });
  const lines = block.lines.map(
    (text) =>
      new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exact(LINE.body), indent: { right: TWO_CHARS * 2 }, children: [run(text)] }),
  );
  return [blank(), blank(), ...lines];
}

function bodyOf(blocks: readonly Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') out.push(paragraph(block));
    else if (block.kind === 'table') out.push(table(block), new Paragraph({ spacing: exact(LINE.body), children: [] }));
    else out.push(...signature(block));
  }
  return out;
}

/** 页码: 「— 1 —」 in 四号宋体, centered. */
const pageFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.pageNumber), size: SIZE.table })],
      }),
    ],
  });

/** The content as a .docx laid out after GB/T 9704-2012. */
export async function docxFromContent(content: DocContent): Promise<Buffer> {
  const doc = new Document({
    title: content.number ? `${content.title}(${content.number})` : content.title,
    creator: content.agency,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...PAGE.margin, header: mm(15), footer: mm(20) } },
        },
        footers: { default: pageFooter() },
        children: [...titleLines(content), ...bodyOf(content.blocks)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
