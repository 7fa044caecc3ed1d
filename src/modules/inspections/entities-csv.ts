/**
 * CSV as Excel writes it in China: UTF-8 with or without a byte order mark (「CSV UTF-8」), GB18030/GBK
 * (plain 「CSV」 on a Chinese Windows), or UTF-16 (「Unicode 文本」, tab separated). RFC 4180 quoting, fields
 * across lines, CRLF, LF or CR. Pure; the project has no CSV dependency and this is all it needs.
 */

/** A CSV that cannot be read as records: the record (Excel row) where it went wrong. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** The file's text: a byte order mark decides; else valid UTF-8 is UTF-8 and anything else is GB18030 (a superset of GBK). */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    // The UTF-8 decoder drops a leading byte order mark by itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Comma, unless the first line has tabs and no commas (Excel's 「Unicode 文本」 and copies from a sheet). */
export function detectDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const first = end === -1 ? text : text.slice(0, end);
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

const QUOTE = '"';

/**
 * The records of a CSV text, one array of fields each, numbered from 1 as Excel numbers rows (a field
 * with line breaks stays in its record). A quote opens a quoted field only at the field's start; after
 * the closing quote, text up to the delimiter is kept, as Excel does.
 */
export function* csvRecords(text: string, delimiter = ','): Generator<{ row: number; fields: string[] }> {
  const n = text.length;
  let i = 0;
  let row = 1;
  let field = '';
  let fields: string[] = [];
  let atFieldStart = true;
  while (i < n) {
    const c = text[i];
    if (atFieldStart && c === QUOTE) {
      i += 1;
      for (;;) {
        const q = text.indexOf(QUOTE, i);
        if (q === -1) throw new CsvSyntaxError(row, `第${row}行的引号没有闭合(文件在引号内结束),请检查该行`);
        field += text.slice(i, q);
        if (text[q + 1] === QUOTE) {
          field += QUOTE;
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      atFieldStart = false;
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i += 1;
      continue;
    }
    if (c === '\r' || c === '\n') {
      fields.push(field);
      yield { row, fields };
      row += 1;
      fields = [];
      field = '';
      atFieldStart = true;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = text[j];
      if (d === delimiter || d === '\r' || d === '\n') break;
      j += 1;
    }
    field += text.slice(i, j);
    atFieldStart = false;
    i = j;
  }
  if (!atFieldStart || fields.length > 0) {
    fields.push(field);
    yield { row, fields };
  }
}
