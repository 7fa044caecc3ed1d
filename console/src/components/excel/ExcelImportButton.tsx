import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { ExcelImportModal, type ExcelImportProps } from './ExcelImportModal';

export interface ExcelImportButtonProps<R> extends ExcelImportProps<R> {
  /** Button text; defaults to 导入. */
  label?: string;
  testId?: string;
}

/** A toolbar button that opens the import wizard. */
export function ExcelImportButton<R>({ label = '导入', testId = 'excel-import-open', ...wizard }: ExcelImportButtonProps<R>) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
      <ExcelImportModal<R> {...wizard} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
