/** Excel import and export for console pages: the import wizard, its toolbar button, and the export button. */
export { ExcelExportButton, type ExcelExportButtonProps } from './ExcelExportButton';
export { ExcelImportButton, type ExcelImportButtonProps } from './ExcelImportButton';
export { ExcelImportModal, type ExcelImportModalProps, type ExcelImportProps } from './ExcelImportModal';
export type { ImportFailure, ImportIssue } from './importIssues';
