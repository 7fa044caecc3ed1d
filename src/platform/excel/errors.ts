import { AppError, invalid } from '../errors.js';
import type { CellError } from './spec.js';

export const unreadable = () => invalid('import_unreadable', '无法读取上传的文件,请上传由导入模板填写的 Excel(.xlsx)文件');

/** `「法律依据」第3行「条款」:不能为空` (the sheet only when the workbook has several; file-level problems alone). */
export function describeError(error: CellError): string {
  const sheet = error.sheet === null ? '' : `「${error.sheet}」工作表`;
  if (error.row === null) return `${sheet}${error.reason}`;
  return error.column === null ? `${sheet}第${error.row}行:${error.reason}` : `${sheet}第${error.row}行「${error.column}」:${error.reason}`;
}

/** 400 `import_invalid`: every problem, each as a line in `details` and as `{ sheet, row, column, reason }`. */
export class ImportInvalidError extends AppError {
  constructor(readonly errors: readonly CellError[]) {
    super('invalid', 'import_invalid', `导入文件有 ${errors.length} 处错误,未写入任何数据`, { details: errors.map(describeError) });
  }
}
