/**
 * A document as both renderers see it: the agency line, the title, the 文号 and a list of blocks of
 * plain text. Templates build this once; the .docx and the HTML preview draw the same content.
 */
export interface DocContent {
  /** 执法机关全称, printed above the title. */
  readonly agency: string;
  /** 文书名称. */
  readonly title: string;
  /** 文号, or null (unnumbered types; previews of numbered types show a placeholder). */
  readonly number: string | null;
  readonly blocks: readonly Block[];
}

export type Align = 'left' | 'center' | 'right';

export type Block =
  /** Body text: first-line indent of two characters unless `indent` is false. */
  | { readonly kind: 'paragraph'; readonly text: string; readonly indent?: boolean; readonly align?: Align; readonly bold?: boolean }
  /**
   * A bordered table (表, 笔录 header, 送达回证); a cell may span columns and be a label. `widths` are the
   * shares of the text width per column (a list such as the 卷内文件目录); by default the four columns of
   * label/value pairs.
   */
  | { readonly kind: 'table'; readonly rows: readonly (readonly Cell[])[]; readonly widths?: readonly number[] }
  /** 落款: the agency and the date, right-aligned, after a blank line. */
  | { readonly kind: 'signature'; readonly lines: readonly string[] };

export interface Cell {
  readonly text: string;
  /** Columns this cell spans (default 1). */
  readonly span?: number;
  /** A label cell (bold, centered). */
  readonly label?: boolean;
  /** A tall cell for opinions and signatures. */
  readonly tall?: boolean;
}

export const para = (text: string, options: { indent?: boolean; align?: Align; bold?: boolean } = {}): Block => ({
  kind: 'paragraph',
  text,
  ...options,
});

/** A paragraph without first-line indent (addressee lines, labels). */
export const line = (text: string): Block => para(text, { indent: false });

export const table = (rows: readonly (readonly Cell[])[], widths?: readonly number[]): Block =>
  widths === undefined ? { kind: 'table', rows } : { kind: 'table', rows, widths };

export const label = (text: string, span = 1): Cell => ({ text, label: true, span });

export const cell = (text: string, span = 1, tall = false): Cell => ({ text, span, tall });

export const signature = (...lines: string[]): Block => ({ kind: 'signature', lines });

/** Columns a table is drawn with unless it gives its own widths (label, value, label, value). */
export const TABLE_COLUMNS = 4;

/** Shares of the text width of the default columns: labels narrower than values. */
export const DEFAULT_WIDTHS: readonly number[] = [0.2, 0.3, 0.2, 0.3];
