import { Tag, Typography } from 'antd';
import type { Evidence, Sensitivity } from '../../api/evidence';
import { KIND_LABELS, SENSITIVITY_COLORS, SENSITIVITY_LABELS } from './evidenceLabels';

export const MONOSPACE = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

export function SensitivityTag({ value }: { value: Sensitivity }) {
  return (
    <Tag color={SENSITIVITY_COLORS[value]} style={{ marginInlineEnd: 0 }}>
      {SENSITIVITY_LABELS[value]}
    </Tag>
  );
}

export function KindText({ evidence }: { evidence: Pick<Evidence, 'kind' | 'mediaType'> }) {
  return (
    <>
      <Tag>{KIND_LABELS[evidence.kind]}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
        {evidence.mediaType}
      </Typography.Text>
    </>
  );
}

/** A full digest: monospace, wrapping anywhere (64 hex chars are wider than a phone), copyable. */
export function HashText({ value, testId }: { value: string; testId?: string }) {
  return (
    <Typography.Text copyable style={{ fontFamily: MONOSPACE, fontSize: 12, wordBreak: 'break-all' }} data-testid={testId}>
      {value}
    </Typography.Text>
  );
}
