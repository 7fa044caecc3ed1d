import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { defaultOptions } from 'tus-js-client';
import { formatBytes } from './evidenceLabels';

/** The server drops unfinished uploads after 24 hours; older entries could not be resumed anyway. */
const RESUMABLE_FOR_MS = 24 * 60 * 60 * 1000;

function isRecent(upload: { creationTime: string }): boolean {
  const created = Date.parse(upload.creationTime);
  return Number.isFinite(created) && Date.now() - created < RESUMABLE_FOR_MS;
}

/**
 * Uploads interrupted by a closed tab or a reload are remembered in this browser (tus fingerprints in localStorage);
 * picking the same file again resumes them. Saying so here is what makes that discoverable.
 */
export function UnfinishedUploadsHint({ open }: { open: boolean }) {
  const [names, setNames] = useState<string[]>([]);

  useEffect(() => {
    if (!open) return;
    let current = true;
    defaultOptions.urlStorage.findAllUploads().then(
      (uploads) => {
        if (!current) return;
        setNames(
          uploads.filter(isRecent).map((upload) => {
            const name = upload.metadata.filename ?? '未命名文件';
            return upload.size === null ? name : `${name}(${formatBytes(upload.size)})`;
          }),
        );
      },
      () => setNames([]),
    );
    return () => {
      current = false;
    };
  }, [open]);

  if (names.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title="有未完成的上传"
      description={`${names.join('、')}。再次选择同一文件并点击「开始上传」即可从断点继续。`}
      data-testid="evidence-unfinished"
    />
  );
}
