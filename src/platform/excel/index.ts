// Excel import and export shared by every module that takes spreadsheets (执法人员, 执法事项, 裁量基准).
export { attachment, cellText, excelDate, XLSX_TYPE } from './cells.js';
export { describeError, ImportInvalidError, unreadable } from './errors.js';
export { openWorkbook, type ReadOptions, readSheet, type SheetRows } from './read.js';
export { type ExcelEndpoints, type ExcelFile, excelRoutes, type ImportResult } from './routes.js';
export { RowReader } from './row-reader.js';
export { type CellError, type Column, column, headerOf, MAX_ROWS, type RawRow, type SheetRow, type SheetSpec } from './spec.js';
export { buildWorkbook, HELP_SHEET, type Help, type SheetContent } from './workbook.js';
