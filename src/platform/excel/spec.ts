/** One column of an import sheet: the header people see and what the 说明 sheet says about it. */
export interface Column<K extends string> {
  readonly key: K;
  readonly header: string;
  readonly required: boolean;
  readonly width: number;
  readonly hint: string;
  readonly example: string;
  /** Kept as text so Excel does not turn long numbers into 6.4E+11 or codes into dates. */
  readonly text?: boolean;
  /** A drop-down list of the allowed values. */
  readonly list?: readonly string[];
}

/** One worksheet of a template: its name, its columns, and what one row of it holds. */
export interface SheetSpec<K extends string> {
  readonly name: string;
  /** 「第 2 行起每行填写 …」: what a row is, for messages. */
  readonly rowMeaning: string;
  readonly columns: readonly Column<K>[];
}

/** A workbook's sheets as text cells by column key. */
export type SheetRow<K extends string> = Readonly<Record<K, string>>;

/** One problem of an imported file: a cell (sheet, Excel row number and column header) or the file itself. */
export interface CellError {
  readonly sheet: string | null;
  readonly row: number | null;
  readonly column: string | null;
  readonly reason: string;
}

/** A non-blank data row: its Excel row number and every column as trimmed text. */
export interface RawRow<K extends string> {
  readonly row: number;
  readonly cells: SheetRow<K>;
}

export const MAX_ROWS = 5000;

export const headerOf = <K extends string>(spec: SheetSpec<K>, key: K): string => spec.columns.find((c) => c.key === key)?.header ?? key;

/** A column in one line: key, header, required, width, hint, example, then the optional flags. */
export const column = <K extends string>(
  key: K,
  header: string,
  required: boolean,
  width: number,
  hint: string,
  example: string,
  more: Pick<Column<K>, 'text' | 'list'> = {},
): Column<K> => ({ key, header, required, width, hint, example, ...more });
