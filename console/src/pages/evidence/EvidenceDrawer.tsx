import { Alert, Drawer, Flex, Grid, Skeleton, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { getEvidence } from '../../api/evidence';
import { useAsync } from '../../hooks/useAsync';
import { useCan } from '../../session/SessionContext';
import { AccessLogTable } from './AccessLogTable';
import { SensitivityTag } from './EvidenceBits';
import { EvidenceDetails } from './EvidenceDetails';
import { EvidenceViewer } from './EvidenceViewer';

/** Keyed by id, so switching evidence never shows the previous one's data or grant. */
function EvidenceDrawerBody({ evidenceId }: { evidenceId: string }) {
  const can = useCan();
  const [accesses, setAccesses] = useState(0);
  const load = useCallback(() => getEvidence(evidenceId), [evidenceId]);
  const evidence = useAsync(load);

  if (evidence.error) {
    return evidence.error.status === 401 ? null : <Alert type="error" showIcon title={evidence.error.message} />;
  }
  if (!evidence.data) return <Skeleton active />;
  const detail = (
    <>
      <Flex align="center" gap={8} style={{ marginBottom: 12, minWidth: 0 }}>
        <Typography.Text strong style={{ fontSize: 16, wordBreak: 'break-all' }} data-testid="evidence-filename">
          {evidence.data.filename}
        </Typography.Text>
        <SensitivityTag value={evidence.data.sensitivity} />
      </Flex>
      <EvidenceViewer evidence={evidence.data} onAccessed={() => setAccesses((n) => n + 1)} />
      <EvidenceDetails evidence={evidence.data} />
    </>
  );
  if (!can('evidence.access_log')) return detail;
  return (
    <Tabs
      items={[
        { key: 'detail', label: '详情', children: detail },
        {
          key: 'access-log',
          label: <span data-testid="evidence-access-log-tab">调阅记录</span>,
          children: <AccessLogTable evidenceId={evidenceId} refreshKey={accesses} />,
        },
      ]}
    />
  );
}

export function EvidenceDrawer({ evidenceId, onClose }: { evidenceId: string | null; onClose: () => void }) {
  // Phones: the whole screen; the layout switches to its compact mode at the same breakpoint.
  const compact = Grid.useBreakpoint().md === false;
  return (
    <Drawer open={evidenceId !== null} onClose={onClose} title="证据详情" size={compact ? '100%' : 720} destroyOnHidden>
      {evidenceId && <EvidenceDrawerBody key={evidenceId} evidenceId={evidenceId} />}
    </Drawer>
  );
}
