import { Alert, Table, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { type AccessLogEntry, listEvidenceAccessLog } from '../../api/evidence';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';

const columns: TableColumnsType<AccessLogEntry> = [
  { title: '时间', dataIndex: 'occurredAt', width: 170, render: (iso: string) => formatTime(iso) },
  { title: '调阅人', dataIndex: 'actorName', width: 110 },
  { title: '事由', dataIndex: 'purpose', render: (purpose: string | null) => purpose ?? '(未填写)' },
];

/** 调阅记录: who opened the content, when and why. `refreshKey` changes after each new access from this drawer. */
export function AccessLogTable({ evidenceId, refreshKey }: { evidenceId: string; refreshKey: number }) {
  const [pagination, setPagination] = useState({ page: 1, pageSize: 10 });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refreshKey` only triggers a reload.
  const load = useCallback(() => listEvidenceAccessLog(evidenceId, pagination), [evidenceId, pagination, refreshKey]);
  const log = useAsync(load);

  return (
    <div data-testid="evidence-access-log">
      {log.error && log.error.status !== 401 && <Alert type="error" showIcon title={log.error.message} style={{ marginBottom: 12 }} />}
      <Table<AccessLogEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={log.data?.items ?? []}
        loading={log.loading}
        scroll={{ x: 480 }}
        locale={{ emptyText: '暂无调阅记录' }}
        pagination={{
          current: pagination.page,
          pageSize: pagination.pageSize,
          total: log.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 次`,
          onChange: (page, pageSize) => setPagination({ page: pageSize === pagination.pageSize ? page : 1, pageSize }),
        }}
      />
    </div>
  );
}
