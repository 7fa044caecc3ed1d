import { Typography } from 'antd';
import { ExcelExportButton, ExcelImportButton } from '../../components/excel';
import { beijingToday } from './officerLabels';

/** The answer of POST /api/officers/import (src/modules/officers/excel-routes.ts). */
export interface OfficerImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

function importSummary(r: OfficerImportResult) {
  return (
    <Typography.Text data-testid="officer-import-summary">
      新增 {r.created} 人,更新 {r.updated} 人,{r.unchanged} 人与系统一致未变更。
    </Typography.Text>
  );
}

/** 导入 (for `officer.edit`) and 导出 (for `officer.list`) of the 执法人员 register as Excel. */
export function OfficerExcelActions({
  canImport,
  canExport,
  onImported,
}: {
  canImport: boolean;
  canExport: boolean;
  onImported: () => void;
}) {
  return (
    <>
      {canImport && (
        <ExcelImportButton<OfficerImportResult>
          title="导入执法人员"
          templateUrl="/api/officers/import-template"
          importUrl="/api/officers/import"
          templateName="执法人员导入模板.xlsx"
          hint="已登记的执法证件号码将更新该人员信息,其余新增。"
          renderResult={importSummary}
          onImported={onImported}
        />
      )}
      {canExport && <ExcelExportButton url="/api/officers/export" fallbackName={`执法人员-${beijingToday()}.xlsx`} />}
    </>
  );
}
