import { Alert, Space, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { listExpiryAlerts } from '../../api/officers';
import { useAsync } from '../../hooks/useAsync';

/** 到期提醒: active certificates whose last valid day falls within the next 30 days (GET /api/officers/alerts). */
export function ExpiryAlerts({ refreshKey, onOpen }: { refreshKey: number; onOpen: (id: string) => void }) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refreshKey` re-reads the alerts after an edit.
  const load = useCallback(() => listExpiryAlerts(), [refreshKey]);
  const alerts = useAsync(load);
  if (!alerts.data || alerts.data.total === 0) return null;
  const { items, total, days } = alerts.data;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="officer-alerts"
      title={`${total} 名执法人员的执法证件将在 ${days} 日内到期,请及时办理换证`}
      description={
        <Space size={[4, 4]} wrap>
          {items.map((o) => (
            <Tag key={o.id} color="orange" style={{ cursor: 'pointer' }} onClick={() => onOpen(o.id)}>
              {o.name}({o.unitName})<Typography.Text type="secondary">至 {o.validTo}</Typography.Text>
            </Tag>
          ))}
        </Space>
      }
    />
  );
}
