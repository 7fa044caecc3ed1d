import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { saveBlob } from './excelHttp';
import { COLUMN_FALLBACK, compareByRow, hasSheets, type ImportFailure, type ImportIssue, issuesCsv, ROW_FALLBACK } from './importIssues';

const PAGE_SIZE = 50;

function issueColumns(withSheet: boolean): TableColumnsType<ImportIssue> {
  return [
    ...(withSheet ? [{ title: '工作表', dataIndex: 'sheet', width: 140, render: (sheet: string | null) => sheet ?? COLUMN_FALLBACK }] : []),
    {
      title: '行号',
      dataIndex: 'row',
      width: 90,
      sorter: compareByRow,
      defaultSortOrder: 'ascend',
      render: (row: number | null) => row ?? ROW_FALLBACK,
    },
    { title: '列名', dataIndex: 'column', width: 160, render: (column: string | null) => column ?? COLUMN_FALLBACK },
    { title: '原因', dataIndex: 'reason' },
  ];
}

export interface ImportErrorReportProps {
  failure: ImportFailure;
  /** Name of the CSV file offered by 下载错误报告. */
  reportName: string;
  onReselect: () => void;
}

/** Why an import was refused: the server's summary and every problem, sortable and downloadable. */
export function ImportErrorReport({ failure, reportName, onReselect }: ImportErrorReportProps) {
  const { issues } = failure;
  const columns = useMemo(() => issueColumns(hasSheets(issues)), [issues]);
  const download = () => saveBlob(new Blob([issuesCsv(issues)], { type: 'text/csv;charset=utf-8' }), reportName);

  return (
    <>
      <Alert
        type="error"
        showIcon
        title={failure.message}
        description="文件中的数据均未导入。请按下表修改后重新选择文件导入。"
        style={{ marginBottom: 16 }}
        data-testid="excel-import-failure"
      />
      {issues.length > 0 && (
        <Table<ImportIssue>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={[...issues]}
          data-testid="excel-import-errors"
          pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 处错误` }}
          scroll={{ y: 360 }}
        />
      )}
      <Flex gap={8} justify="end" wrap style={{ marginTop: 16 }}>
        {issues.length > 0 && (
          <Button icon={<DownloadOutlined />} onClick={download} data-testid="excel-import-report">
            下载错误报告
          </Button>
        )}
        <Button type="primary" icon={<ReloadOutlined />} onClick={onReselect} data-testid="excel-import-reselect">
          重新选择文件
        </Button>
      </Flex>
    </>
  );
}
