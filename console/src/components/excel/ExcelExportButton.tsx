import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { downloadFile } from './excelHttp';
import { useExcelError } from './useExcelError';

export interface ExcelExportButtonProps {
  /** GET: the .xlsx to download. */
  url: string;
  /** Used when the server names no file. */
  fallbackName: string;
  /** Button text; defaults to 导出. */
  label?: string;
  testId?: string;
}

/** Downloads an export through fetch, so that a refusal (403, 500…) is a message rather than a page of JSON. */
export function ExcelExportButton({ url, fallbackName, label = '导出', testId = 'excel-export' }: ExcelExportButtonProps) {
  const { message } = App.useApp();
  const showError = useExcelError();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const filename = await downloadFile(url, fallbackName);
      message.success(`已下载 ${filename}`);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run} data-testid={testId}>
      {label}
    </Button>
  );
}
