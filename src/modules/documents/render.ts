import { type ComposeOptions, checkedContent, composeDocument } from './compose.js';
import type { DocumentData } from './data.js';
import { docxFromContent } from './render-docx.js';
import { htmlFromContent } from './render-html.js';
import type { DocumentType } from './types.js';

/**
 * The .docx of a document (GB/T 9704 layout). Refuses data with an empty required field
 * (`document_data_incomplete`, 400, each field named in Chinese) or a malformed date.
 */
export async function renderDocx(type: DocumentType, data: DocumentData, options: ComposeOptions = {}): Promise<Buffer> {
  return docxFromContent(checkedContent(type, data, options));
}

/**
 * The same content as an escaped, self-contained HTML fragment for the console's preview. Missing
 * values print as blank lines instead of being refused, so a draft can be looked at while written.
 */
export function renderHtml(type: DocumentType, data: DocumentData, options: ComposeOptions = {}): string {
  return htmlFromContent(composeDocument(type, data, options));
}
