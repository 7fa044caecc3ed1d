import type { Block } from './content.js';
import type { DocumentData } from './data.js';
import type { FieldRequirement } from './fields.js';

/** One 执法文书 template: the fields it needs and the blocks it prints (title and 文号 come from the type). */
export interface Template {
  readonly required: readonly FieldRequirement[];
  /** Keys of `DocumentData.extra` this template reads, with what each means. */
  readonly extraKeys: Readonly<Record<string, string>>;
  /** The body. Missing values print as blanks (previews); issuing checks `required` first. */
  build(data: DocumentData): Block[];
}
