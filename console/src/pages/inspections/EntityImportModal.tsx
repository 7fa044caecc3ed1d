import { Alert, Button, Modal, Steps } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { ENTITY_TEMPLATE_URL, getImport, type ImportView, MAX_ENTITY_FILE_BYTES, startImport } from '../../api/inspection-entities';
import { ExcelFilePicker } from '../../components/excel/ExcelFilePicker';
import { downloadFile } from '../../components/excel/excelHttp';
import { useExcelError } from '../../components/excel/useExcelError';
import { ImportDone, ImportFailed, ImportProgress } from './ImportOutcome';

const POLL_MS = 500;

type Phase =
  | { step: 'select' }
  | { step: 'uploading' }
  | { step: 'reading'; id: string; view: ImportView | null }
  | { step: 'failed'; view: ImportView }
  | { step: 'done'; view: ImportView };

const STEP_INDEX = { select: 0, uploading: 1, reading: 1, failed: 2, done: 2 } as const;

function fileProblem(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xls')) return '不支持 .xls 格式,请在 Excel 中另存为 .xlsx 或 CSV';
  if (!name.endsWith('.xlsx') && !name.endsWith('.csv')) return '请选择 Excel(.xlsx)或 CSV 文件';
  if (file.size === 0) return '所选文件是空的';
  if (file.size > MAX_ENTITY_FILE_BYTES) return '文件超过 60 MB,请分批导入';
  return null;
}

/** A CSV's data rows are about its line breaks less the header: enough for a progress bar (an .xlsx has no such measure). */
async function estimateRows(file: File): Promise<number | null> {
  if (!file.name.toLowerCase().endsWith('.csv')) return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  let lines = 0;
  for (const b of bytes) if (b === 0x0a) lines += 1;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) lines += 1;
  return Math.max(0, lines - 1);
}

export interface EntityImportModalProps {
  open: boolean;
  /** An import already running (found on page load): the dialog opens on its progress. */
  resumeId: string | null;
  /** With the id of an import still reading, which goes on in the background. */
  onClose: (readingId: string | null) => void;
  /** The directory changed: refresh the list. */
  onImported: () => void;
}

/**
 * 导入检查对象名录: pick the file, upload it (202 at once), follow the server's reading every 500 ms, then the
 * summary or every problem with the CSV report. Closing the dialog leaves the import running on the server.
 */
export function EntityImportModal({ open, resumeId, onClose: close, onImported }: EntityImportModalProps) {
  const showError = useExcelError();
  const [phase, setPhase] = useState<Phase>({ step: 'select' });
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [estimate, setEstimate] = useState<number | null>(null);
  const [downloading, setDownloading] = useState(false);

  useEffect(() => {
    if (open && resumeId) setPhase({ step: 'reading', id: resumeId, view: null });
  }, [open, resumeId]);

  const readingId = phase.step === 'reading' ? phase.id : null;
  const onClose = () => close(readingId);
  // The latest callbacks without restarting the poll when the parent re-renders.
  const imported = useRef(onImported);
  const onError = useRef(showError);
  useEffect(() => {
    imported.current = onImported;
    onError.current = showError;
  });

  useEffect(() => {
    if (!readingId || !open) return;
    let live = true;
    let timer: number | undefined;
    const poll = async () => {
      try {
        const view = await getImport(readingId);
        if (!live) return;
        if (view.state === 'reading') setPhase({ step: 'reading', id: readingId, view });
        else {
          setPhase(view.state === 'done' ? { step: 'done', view } : { step: 'failed', view });
          if (view.state === 'done') imported.current();
          return;
        }
      } catch (error) {
        if (!live) return;
        // A refusal (gone, signed out) ends the polling; a network hiccup or server error is tried again.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
          onError.current(error);
          setPhase({ step: 'select' });
          return;
        }
      }
      timer = window.setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [readingId, open]);

  const reset = useCallback(() => {
    setPhase({ step: 'select' });
    setFile(null);
    setProblem(null);
    setEstimate(null);
  }, []);

  const pick = (picked: File | null) => {
    setFile(picked);
    setProblem(picked ? fileProblem(picked) : null);
  };

  const downloadTemplate = async () => {
    setDownloading(true);
    try {
      await downloadFile(ENTITY_TEMPLATE_URL, '检查对象名录导入模板.xlsx');
    } catch (error) {
      showError(error);
    } finally {
      setDownloading(false);
    }
  };

  const submit = async () => {
    if (!file || fileProblem(file)) return;
    setPhase({ step: 'uploading' });
    try {
      const [view, rows] = await Promise.all([startImport(file), estimateRows(file)]);
      setEstimate(rows);
      setPhase({ step: 'reading', id: view.id, view });
    } catch (error) {
      setPhase({ step: 'select' });
      showError(error);
    }
  };

  const footer =
    phase.step === 'select'
      ? [
          <Button key="cancel" onClick={onClose}>
            取消
          </Button>,
          <Button key="submit" type="primary" disabled={!file || problem !== null} onClick={submit} data-testid="entity-import-submit">
            开始导入
          </Button>,
        ]
      : phase.step === 'uploading'
        ? null
        : [
            <Button key="close" onClick={onClose} data-testid="entity-import-close">
              {phase.step === 'reading' ? '在后台继续' : '关闭'}
            </Button>,
          ];

  const uploading = phase.step === 'uploading';
  return (
    <Modal
      open={open}
      title="导入检查对象名录"
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
        responsive={false}
        items={[{ title: '选择文件' }, { title: '读取校验' }, { title: '导入结果' }]}
        style={{ marginBottom: 24 }}
      />
      {phase.step === 'select' && (
        <>
          <ExcelFilePicker
            file={file}
            onPick={pick}
            onDownloadTemplate={downloadTemplate}
            downloadingTemplate={downloading}
            hint="按统一社会信用代码新增或更新检查对象;文件中有任何错误时不写入任何数据。"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            dropText="点击或拖入 Excel(.xlsx)或 CSV 文件"
            dropHint="CSV 可为 UTF-8 或 GBK 编码;不超过 60 MB"
            testIdPrefix="entity-import"
          />
          {problem && <Alert type="warning" showIcon title={problem} style={{ marginTop: 12 }} />}
        </>
      )}
      {(phase.step === 'uploading' || phase.step === 'reading') && (
        <ImportProgress view={phase.step === 'reading' ? phase.view : null} estimatedRows={estimate} />
      )}
      {phase.step === 'failed' && <ImportFailed view={phase.view} onReselect={reset} />}
      {phase.step === 'done' && <ImportDone view={phase.view} />}
    </Modal>
  );
}
