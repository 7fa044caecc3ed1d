import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Progress, Result, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { type ImportErrorView, type ImportView, importErrorsUrl, MAX_STORED_ERRORS } from '../../api/inspection-entities';
import { downloadFile } from '../../components/excel/excelHttp';
import { useExcelError } from '../../components/excel/useExcelError';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;

/**
 * While the server reads: rows read so far. With an estimate of the rows (a CSV's line count) the bar
 * shows a share; for .xlsx (whose size says little about its rows) it only moves.
 */
export function ImportProgress({ view, estimatedRows }: { view: ImportView | null; estimatedRows: number | null }) {
  const read = view?.rowsRead ?? 0;
  const share = estimatedRows && estimatedRows > 0 ? Math.min(99, Math.floor((read / estimatedRows) * 100)) : 99;
  const writing = estimatedRows !== null && read >= estimatedRows;
  return (
    <div data-testid="entity-import-progress" style={{ padding: '24px 0' }}>
      <Typography.Paragraph>{view ? `正在读取校验「${view.fileName}」…` : '正在上传文件…'}</Typography.Paragraph>
      <Progress percent={view ? share : 0} status="active" showInfo={estimatedRows !== null} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        已读取 {read.toLocaleString('zh-CN')} 行{estimatedRows ? `,约 ${estimatedRows.toLocaleString('zh-CN')} 行` : ''}
        {writing ? ';正在写入名录库…' : ''}。可以关闭本窗口,导入会在后台继续。
      </Typography.Paragraph>
    </div>
  );
}

export function ImportDone({ view }: { view: ImportView }) {
  const s = view.summary;
  return (
    <div data-testid="entity-import-success">
      <Result
        status="success"
        title="导入完成"
        subTitle={`共读取 ${view.rowsRead.toLocaleString('zh-CN')} 行,写入 ${view.rowsWritten.toLocaleString('zh-CN')} 个检查对象`}
      />
      {s && (
        <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
          <Descriptions.Item label="新增">{s.created}</Descriptions.Item>
          <Descriptions.Item label="更新">{s.updated}</Descriptions.Item>
          <Descriptions.Item label="与名录库一致、未变更">{s.unchanged}</Descriptions.Item>
          <Descriptions.Item label="其中已停用">{s.inactive}</Descriptions.Item>
          <Descriptions.Item label="用时">
            读取校验 {seconds(s.readMs)},写入 {seconds(s.writeMs)}
          </Descriptions.Item>
          <Descriptions.Item label="文件 SHA-256">
            <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
              {s.sha256}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
      {s && s.inactive > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={`有 ${s.inactive} 个已停用的检查对象在文件中,导入更新了其信息但未恢复;如需恢复请逐个操作。`}
        />
      )}
    </div>
  );
}

const errorColumns: TableColumnsType<ImportErrorView & { key: number }> = [
  { title: '行号', dataIndex: 'row', width: 64, render: (row: number | null) => row ?? '整个文件' },
  { title: '列名', dataIndex: 'column', width: 100, render: (column: string | null) => column ?? '—' },
  { title: '原因', dataIndex: 'reason' },
];

/** Why the import wrote nothing: every listed problem, and the server's CSV report to fix the file by. */
export function ImportFailed({ view, onReselect }: { view: ImportView; onReselect: () => void }) {
  const showError = useExcelError();
  const [downloading, setDownloading] = useState(false);
  const rows = view.errors.map((e, key) => ({ ...e, key }));
  const more = view.errorCount > view.errors.length;
  const download = async () => {
    setDownloading(true);
    try {
      await downloadFile(importErrorsUrl(view.id), `${view.fileName}-错误报告.csv`);
    } catch (error) {
      showError(error);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <>
      <Alert
        type="error"
        showIcon
        title={`导入失败:共 ${view.errorCount} 处错误,未写入任何数据`}
        description={
          more ? `下表列出前 ${MAX_STORED_ERRORS} 处;请改正后重新导入,其余错误将在下次导入时列出。` : '请按下表改正文件后重新导入。'
        }
        style={{ marginBottom: 16 }}
        data-testid="entity-import-failure"
      />
      <Table
        size="small"
        columns={errorColumns}
        dataSource={rows}
        data-testid="entity-import-errors"
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => `列出 ${total} 处` }}
        scroll={{ y: 360 }}
      />
      <Flex gap={8} justify="end" wrap style={{ marginTop: 16 }}>
        {view.errors.length > 0 && (
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={download} data-testid="entity-import-report">
            下载错误报告
          </Button>
        )}
        <Button type="primary" icon={<ReloadOutlined />} onClick={onReselect} data-testid="entity-import-reselect">
          重新选择文件
        </Button>
      </Flex>
    </>
  );
}
