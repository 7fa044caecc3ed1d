import { CaretRightOutlined, PauseOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { formatBytes } from './evidenceLabels';
import type { UploadState } from './useTusUpload';

function percentOf(state: UploadState): number {
  if (state.phase === 'done') return 100;
  if (state.total <= 0) return 0;
  return Math.floor((state.sent / state.total) * 100);
}

function progressStatus(state: UploadState): 'active' | 'exception' | 'success' | 'normal' {
  if (state.phase === 'uploading') return 'active';
  if (state.phase === 'failed') return 'exception';
  if (state.phase === 'done') return 'success';
  return 'normal';
}

export interface UploadProgressPanelProps {
  state: UploadState;
  onPause: () => void;
  onResume: () => void;
}

/** Percent, bytes, MB/s and the pause / resume buttons; the error, if any, in the server's words. */
export function UploadProgressPanel({ state, onPause, onResume }: UploadProgressPanelProps) {
  if (state.phase === 'idle') return null;
  const canResume = state.phase === 'paused' || (state.phase === 'failed' && state.retryable);
  const speed =
    state.phase === 'uploading' && state.bytesPerSecond !== null ? ` · ${(state.bytesPerSecond / 1024 / 1024).toFixed(1)} MB/s` : '';
  return (
    <div data-testid="evidence-progress" data-phase={state.phase} style={{ marginTop: -8, marginBottom: 16 }}>
      <Progress percent={percentOf(state)} status={progressStatus(state)} />
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatBytes(state.sent)} / {formatBytes(state.total)}
          {speed}
          {state.phase === 'paused' && ' · 已暂停'}
        </Typography.Text>
        {state.phase === 'uploading' && (
          <Button size="small" icon={<PauseOutlined />} onClick={onPause} data-testid="evidence-pause">
            暂停
          </Button>
        )}
        {canResume && (
          <Button size="small" type="primary" icon={<CaretRightOutlined />} onClick={onResume} data-testid="evidence-resume">
            继续
          </Button>
        )}
      </Flex>
      {state.phase === 'failed' && state.error && (
        <Alert type="error" showIcon title={state.error} style={{ marginTop: 8 }} data-testid="evidence-upload-error" />
      )}
    </div>
  );
}
