import { Alert, Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { listEvents } from '../../api/endpoints';
import type { DomainEvent } from '../../api/types';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { eventLabel } from '../../labels/eventLabels';
import { EventTypeFilter } from './EventTypeFilter';

const ACTOR_TYPE_LABELS: Record<DomainEvent['actorType'], string> = { user: '用户', system: '系统', anonymous: '匿名' };

const columns: TableColumnsType<DomainEvent> = [
  { title: '时间', dataIndex: 'occurredAt', width: 180, render: (iso: string) => formatTime(iso) },
  {
    title: '类型',
    dataIndex: 'type',
    width: 200,
    render: (type: string) => (
      <>
        <Tag>{eventLabel(type)}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {type}
        </Typography.Text>
      </>
    ),
  },
  {
    title: '操作人',
    key: 'actor',
    width: 180,
    render: (_value, event) => {
      if (event.actorType === 'user') return event.actorName;
      // Anonymous actors are failed logins: their "name" is just a placeholder, the type says it all.
      const name = event.actorType === 'system' ? event.actorName : '';
      return (
        <>
          <Tag>{ACTOR_TYPE_LABELS[event.actorType]}</Tag>
          {name && <Typography.Text type="secondary">{name}</Typography.Text>}
        </>
      );
    },
  },
  {
    title: '对象',
    key: 'subject',
    render: (_value, event) => (
      <Typography.Text code copyable={{ text: event.subjectId }} style={{ wordBreak: 'break-all' }}>
        {event.subjectType}:{event.subjectId}
      </Typography.Text>
    ),
  },
  {
    title: '详情',
    dataIndex: 'data',
    width: 240,
    // A one-line preview; the full record is in the expanded row.
    render: (data: DomainEvent['data']) => (
      <Typography.Text code ellipsis style={{ maxWidth: 220, fontSize: 12 }}>
        {JSON.stringify(data)}
      </Typography.Text>
    ),
  },
];

/** The full record, for auditors: ledger index (for inclusion proofs), ids and the event's data exactly as stored. */
function EventDetails({ event }: { event: DomainEvent }) {
  return (
    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
      {JSON.stringify(
        { ledgerIndex: event.ledgerIndex, id: event.id, actorId: event.actorId, unitId: event.unitId, data: event.data },
        null,
        2,
      )}
    </pre>
  );
}

export function EventsPage() {
  const [type, setType] = useState<string | undefined>(undefined);
  const [pagination, setPagination] = useState({ page: 1, pageSize: 20 });
  const load = useCallback(() => listEvents({ type, ...pagination }), [type, pagination]);
  const events = useAsync(load);

  return (
    <Card title="操作日志">
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <EventTypeFilter
          onApply={(next) => {
            setType(next);
            setPagination((p) => ({ ...p, page: 1 }));
          }}
        />
      </Flex>
      {events.error && events.error.status !== 401 && (
        <Alert type="error" showIcon title={events.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<DomainEvent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={events.data?.items ?? []}
        loading={events.loading}
        scroll={{ x: 1100 }}
        expandable={{ expandedRowRender: (event) => <EventDetails event={event} /> }}
        data-testid="events-table"
        pagination={{
          current: pagination.page,
          pageSize: pagination.pageSize,
          total: events.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => setPagination({ page: pageSize === pagination.pageSize ? page : 1, pageSize }),
        }}
      />
    </Card>
  );
}
