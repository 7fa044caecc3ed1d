import { Alert, Button, Modal, Result, Spin, Steps } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { ExcelFilePicker } from './ExcelFilePicker';
import { downloadFile, MAX_IMPORT_BYTES, uploadWorkbook } from './excelHttp';
import { ImportErrorReport } from './ImportErrorReport';
import type { ImportFailure } from './importIssues';
import { useExcelError } from './useExcelError';

export interface ExcelImportProps<R> {
  /** Dialog title, e.g. 导入执法人员. */
  title: string;
  /** GET: the empty .xlsx template. */
  templateUrl: string;
  /** POST: the .xlsx as the raw body; 200 with `R`, or 400 `import_invalid` with `errors`. */
  importUrl: string;
  /** The success summary, from the server's answer. */
  renderResult: (result: R) => ReactNode;
  /** Called once the server has written the import (refresh lists here). */
  onImported: (result: R) => void;
  /** Said under 请先下载导入模板 (e.g. how rows are matched). */
  hint?: ReactNode;
  /** Used when the server names no file: defaults to `${title}模板.xlsx`. */
  templateName?: string;
}

export interface ExcelImportModalProps<R> extends ExcelImportProps<R> {
  open: boolean;
  onClose: () => void;
}

type Phase<R> = { step: 'select' } | { step: 'uploading' } | { step: 'failed'; failure: ImportFailure } | { step: 'done'; result: R };

const STEP_INDEX = { select: 0, uploading: 1, failed: 2, done: 2 } as const;

/** Checks what the browser can before sending: the server would refuse these with less helpful words. */
function fileProblem(file: File): string | null {
  if (!file.name.toLowerCase().endsWith('.xlsx')) return '请选择 Excel(.xlsx)文件;.xls 或 .csv 请先在 Excel 中另存为 .xlsx';
  if (file.size === 0) return '所选文件是空的';
  if (file.size > MAX_IMPORT_BYTES) return '文件超过 10 MB,请分批导入';
  return null;
}

/**
 * The Excel import wizard: 1 download the template and pick a file, 2 upload (the server checks
 * every cell and writes all rows or none), 3 the caller's summary, or every problem as a table
 * with a CSV report and 重新选择文件.
 */
export function ExcelImportModal<R>(props: ExcelImportModalProps<R>) {
  const { open, onClose, title, templateUrl, importUrl, renderResult, onImported, hint } = props;
  const showError = useExcelError();
  const [phase, setPhase] = useState<Phase<R>>({ step: 'select' });
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  // Answers arriving after the dialog was closed and reopened belong to nobody.
  const attempt = useRef(0);

  const reset = () => {
    attempt.current += 1;
    setPhase({ step: 'select' });
    setFile(null);
    setProblem(null);
  };

  const pick = (picked: File | null) => {
    setFile(picked);
    setProblem(picked ? fileProblem(picked) : null);
  };

  const downloadTemplate = async () => {
    setDownloading(true);
    try {
      await downloadFile(templateUrl, props.templateName ?? `${title}模板.xlsx`);
    } catch (error) {
      showError(error);
    } finally {
      setDownloading(false);
    }
  };

  const submit = async () => {
    if (!file) {
      setProblem('请选择要导入的文件');
      return;
    }
    const found = fileProblem(file);
    if (found) {
      setProblem(found);
      return;
    }
    const current = ++attempt.current;
    setPhase({ step: 'uploading' });
    try {
      const outcome = await uploadWorkbook<R>(importUrl, file);
      if (current !== attempt.current) return;
      if (outcome.ok) {
        setPhase({ step: 'done', result: outcome.result });
        onImported(outcome.result);
      } else setPhase({ step: 'failed', failure: outcome.failure });
    } catch (error) {
      if (current !== attempt.current) return;
      setPhase({ step: 'select' });
      showError(error);
    }
  };

  const uploading = phase.step === 'uploading';
  const footer =
    phase.step === 'select'
      ? [
          <Button key="cancel" onClick={onClose}>
            取消
          </Button>,
          <Button key="submit" type="primary" disabled={!file || problem !== null} onClick={submit} data-testid="excel-import-submit">
            开始导入
          </Button>,
        ]
      : phase.step === 'uploading'
        ? null
        : [
            <Button key="close" onClick={onClose} data-testid="excel-import-close">
              关闭
            </Button>,
          ];

  return (
    <Modal
      open={open}
      title={title}
      width={760}
      onCancel={uploading ? undefined : onClose}
      closable={!uploading}
      keyboard={!uploading}
      mask={{ closable: false }}
      footer={footer}
      afterClose={reset}
      destroyOnHidden
    >
      <Steps
        size="small"
        current={STEP_INDEX[phase.step]}
        status={phase.step === 'failed' ? 'error' : undefined}
        items={[{ title: '选择文件' }, { title: '上传校验' }, { title: '导入结果' }]}
        style={{ marginBottom: 24 }}
      />
      {phase.step === 'select' && (
        <>
          <ExcelFilePicker file={file} onPick={pick} onDownloadTemplate={downloadTemplate} downloadingTemplate={downloading} hint={hint} />
          {problem && <Alert type="warning" showIcon title={problem} style={{ marginTop: 12 }} />}
        </>
      )}
      {phase.step === 'uploading' && (
        <Spin spinning>
          <Result status="info" title="正在上传并校验…" subTitle="请勿关闭本窗口;文件较大时需要稍候。" />
        </Spin>
      )}
      {phase.step === 'failed' && (
        <ImportErrorReport failure={phase.failure} reportName={`${title}错误报告.csv`} onReselect={() => reset()} />
      )}
      {phase.step === 'done' && (
        <div data-testid="excel-import-success">
          <Result status="success" title="导入完成" subTitle={renderResult(phase.result)} />
        </div>
      )}
    </Modal>
  );
}
