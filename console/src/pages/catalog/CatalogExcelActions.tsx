import { Space, Typography } from 'antd';
import { type CatalogImportResult, catalogExcelUrls } from '../../api/catalog';
import { ExcelExportButton, ExcelImportButton } from '../../components/excel';
import { KIND_META } from './catalogKinds';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

function importSummary(r: CatalogImportResult) {
  return (
    <Typography.Text data-testid="catalog-import-summary">
      新增 {r.created} 条、更新 {r.updated} 条(均为草稿,请核对后发布),{r.unchanged} 条与现有内容一致未变更。
    </Typography.Text>
  );
}

/**
 * 导入 (editors) and 导出 of 执法事项 and 裁量基准 as Excel, through the shared wizard in
 * components/excel. Imported rows become drafts; 批量发布草稿 publishes them.
 */
export function CatalogExcelActions({
  kind,
  canImport,
  onImported,
}: {
  kind: 'items' | 'benchmarks';
  canImport: boolean;
  onImported: () => void;
}) {
  const label = KIND_META[kind].label;
  const urls = catalogExcelUrls(kind);
  return (
    <Space wrap>
      {canImport && (
        <ExcelImportButton<CatalogImportResult>
          title={`导入${label}`}
          templateUrl={urls.template}
          importUrl={urls.import}
          templateName={`${label}导入模板.xlsx`}
          hint="已有编码的将生成新的草稿版本,其余新增;导入后请核对草稿再发布。"
          renderResult={importSummary}
          onImported={onImported}
          testId="catalog-import"
        />
      )}
      <ExcelExportButton url={urls.export} fallbackName={`${label}-${today()}.xlsx`} testId="catalog-export" />
    </Space>
  );
}
