import { Alert, Table, type TableColumnsType, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { type CaseAccess, listCaseAccessLog } from '../../api/cases';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';

const columns = (personName: (userId: string) => string | undefined): TableColumnsType<CaseAccess> => [
  { title: '调阅时间', dataIndex: 'occurredAt', width: 170, render: (iso: string) => formatTime(iso) },
  {
    title: '调阅人',
    key: 'actor',
    // The log names the account; the person's name is added when the console knows it.
    render: (_v, r) => {
      const name = r.actorId ? personName(r.actorId) : undefined;
      return name ? `${name}(${r.actorName})` : r.actorName || '—';
    },
  },
  {
    title: '账本序号',
    dataIndex: 'ledgerIndex',
    width: 110,
    render: (n: number | null) => (n === null ? '—' : <Typography.Text code>{n}</Typography.Text>),
  },
];

export interface CaseAccessLogProps {
  caseId: string;
  /** 姓名 of a user account, when known (the log itself names the account). */
  personName: (userId: string) => string | undefined;
}

/**
 * 调阅记录: every opening of the case, newest first (opening it here is one too). Each is an entry of the
 * tamper-evident ledger, so the list can be checked against it. Shown to those who supervise the case.
 */
export function CaseAccessLog({ caseId, personName }: CaseAccessLogProps) {
  const [pagination, setPagination] = useState({ page: 1, pageSize: 20 });
  const load = useCallback(() => listCaseAccessLog(caseId, pagination), [caseId, pagination]);
  const log = useAsync(load);
  return (
    <div data-testid="case-access-log">
      <Typography.Paragraph type="secondary">
        每次打开案件详情都记入执法记录账本;这里按时间倒序列出谁在何时调阅了本案。
      </Typography.Paragraph>
      {log.error && log.error.status !== 401 && <Alert type="error" showIcon title={log.error.message} style={{ marginBottom: 12 }} />}
      <Table<CaseAccess>
        rowKey={(r) => `${r.ledgerIndex ?? ''}-${r.occurredAt}-${r.actorId ?? ''}`}
        size="small"
        columns={columns(personName)}
        dataSource={log.data?.items ?? []}
        loading={log.loading}
        scroll={{ x: 400 }}
        locale={{ emptyText: '暂无调阅记录' }}
        pagination={{
          current: pagination.page,
          pageSize: pagination.pageSize,
          total: log.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 次`,
          onChange: (page, pageSize) => setPagination({ page: pageSize === pagination.pageSize ? page : 1, pageSize }),
        }}
      />
    </div>
  );
}
