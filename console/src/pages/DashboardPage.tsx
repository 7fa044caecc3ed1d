import { Alert, Card, Descriptions, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { listMyEvents } from '../api/endpoints';
import type { DomainEvent } from '../api/types';
import { formatTime } from '../format';
import { useAsync } from '../hooks/useAsync';
import { eventLabel } from '../labels/eventLabels';
import { accountItems } from '../session/accountItems';
import { useCan, useMe } from '../session/SessionContext';
import { InspectionReminders } from './inspections/InspectionReminders';
import { PublicationReminders } from './publications/PublicationReminders';

const RECENT_COUNT = 10;

function greeting(now: Date): string {
  const hour = now.getHours();
  if (hour < 6) return '夜深了';
  if (hour < 12) return '上午好';
  if (hour < 14) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

const columns: TableColumnsType<DomainEvent> = [
  { title: '时间', dataIndex: 'occurredAt', width: 190, render: (iso: string) => formatTime(iso) },
  { title: '操作', dataIndex: 'type', render: (type: string) => <Tag>{eventLabel(type)}</Tag> },
];

export function DashboardPage() {
  const me = useMe();
  const can = useCan();
  const account = accountItems(me);
  const load = useCallback(() => listMyEvents({ page: 1, pageSize: RECENT_COUNT }), []);
  const events = useAsync(load);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="greeting">
          {greeting(new Date())},{me.user.displayName}
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          size="small"
          items={[account.unit, account.roles, account.previousLogin, account.username]}
        />
      </Card>
      {can('publication.read') && <PublicationReminders />}
      {can('inspection.read') && <InspectionReminders />}
      <Card title="我的最近操作">
        {events.error ? (
          <Alert type="error" showIcon title={events.error.message} />
        ) : (
          <Table<DomainEvent>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={events.data?.items ?? []}
            loading={events.loading}
            pagination={false}
            locale={{ emptyText: '暂无操作记录' }}
            data-testid="my-events"
          />
        )}
      </Card>
    </Space>
  );
}
