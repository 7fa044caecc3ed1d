import type { CellError, RawRow, SheetSpec } from './spec.js';

const LIST_SEPARATORS = /[\n;;]/;

/**
 * Reads the cells of one imported row, recording every problem (sheet, row, column, reason) rather
 * than stopping at the first; `ok` tells whether this row added any.
 */
export class RowReader<K extends string> {
  private readonly before: number;

  constructor(
    private readonly spec: SheetSpec<K>,
    private readonly raw: RawRow<K>,
    private readonly errors: CellError[],
    private readonly nameSheet: boolean,
  ) {
    this.before = errors.length;
    for (const column of spec.columns) if (column.required && raw.cells[column.key] === '') this.fail(column.key, '必填,不能为空');
  }

  get row(): number {
    return this.raw.row;
  }

  get ok(): boolean {
    return this.errors.length === this.before;
  }

  fail(key: K | null, reason: string): void {
    const column = key === null ? null : (this.spec.columns.find((c) => c.key === key)?.header ?? key);
    this.errors.push({ sheet: this.nameSheet ? this.spec.name : null, row: this.raw.row, column, reason });
  }

  /** The cell's text as read, without any check. */
  cell(key: K): string {
    return this.raw.cells[key];
  }

  /** The cell's text, checked against a maximum length. */
  text(key: K, maxLength: number): string {
    const value = this.raw.cells[key];
    if (value.length > maxLength) this.fail(key, `不能超过 ${maxLength} 个字`);
    return value;
  }

  /** One of the allowed values, or '' when blank (required blanks are already reported). */
  oneOf(key: K, values: readonly string[]): string {
    const value = this.raw.cells[key];
    if (value !== '' && !values.includes(value)) this.fail(key, `应为${values.join('、')}之一`);
    return values.includes(value) ? value : '';
  }

  /** A whole number within bounds; null when blank. */
  integer(key: K, min: number, max: number): number | null {
    const value = this.raw.cells[key];
    if (value === '') return null;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.fail(key, `应为 ${min} 到 ${max} 之间的整数`);
      return null;
    }
    return n;
  }

  /** A non-negative number (decimals allowed); null when blank. */
  amount(key: K, max: number): number | null {
    const value = this.raw.cells[key].replace(/,/g, '');
    if (value === '') return null;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > max) {
      this.fail(key, `应为 0 到 ${max} 之间的数字`);
      return null;
    }
    return n;
  }

  /** 是 / 否 (blank is 否). */
  yesNo(key: K): boolean {
    const value = this.raw.cells[key];
    if (value !== '' && value !== '是' && value !== '否') this.fail(key, '应为「是」或「否」');
    return value === '是';
  }

  /** A list written one per line or separated by 「;」, each entry checked against a maximum length. */
  list(key: K, maxLength: number): string[] {
    const items = this.raw.cells[key]
      .split(LIST_SEPARATORS)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (items.some((s) => s.length > maxLength)) this.fail(key, `每项不能超过 ${maxLength} 个字`);
    return items;
  }
}
