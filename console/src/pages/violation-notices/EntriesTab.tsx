import { Alert, Flex, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { ENTRY_STATE_LABELS, type EntryState, type EntryView, listEntries } from '../../api/violation-notices';
import { useAsync } from '../../hooks/useAsync';
import { EntryDrawer } from './EntryDrawer';

const STATE_COLORS: Readonly<Record<EntryState, string>> = {
  candidate: 'gold',
  included: 'green',
  excluded: 'default',
  removed: 'red',
};

const STATE_OPTIONS = (Object.keys(ENTRY_STATE_LABELS) as EntryState[]).map((s) => ({ value: s, label: ENTRY_STATE_LABELS[s] }));

const columns: ColumnsType<EntryView> = [
  { title: '案件编号', dataIndex: 'caseNo', width: 110 },
  { title: '违法主体', dataIndex: 'subjectName', ellipsis: true },
  { title: '决定日期', dataIndex: 'decidedOn', width: 110 },
  { title: '季度', key: 'quarter', width: 100, render: (_, e) => `${e.year} 年 Q${e.quarter}` },
  { title: '违法行为类别', dataIndex: 'categoryLabel', ellipsis: true, render: (label: string | null) => label ?? '未选择' },
  {
    title: '状态',
    dataIndex: 'state',
    width: 100,
    render: (state: EntryState) => <Tag color={STATE_COLORS[state]}>{ENTRY_STATE_LABELS[state]}</Tag>,
  },
  {
    title: '名单',
    key: 'batch',
    width: 120,
    render: (_, e) => (e.batch ? `${e.batch.year} Q${e.batch.quarter}${e.batch.state === 'published' ? ' 已公布' : ' 待发布'}` : '—'),
  },
];

/** The entries of the person's scope; a row opens the drawer where the category and fields are confirmed. */
export function EntriesTab() {
  const [state, setState] = useState<string | undefined>('candidate');
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<EntryView | null>(null);
  const load = useCallback(() => listEntries({ state, q, ...paging }), [state, q, paging]);
  const entries = useAsync(load);

  return (
    <>
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          options={STATE_OPTIONS}
          value={state}
          onChange={(value: string | undefined) => {
            setState(value);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          data-testid="notices-filter-state"
        />
        <Input.Search
          allowClear
          placeholder="违法主体名称或案件编号"
          style={{ width: 280 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
      </Flex>
      {entries.error && entries.error.status !== 401 && (
        <Alert type="error" showIcon title={entries.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<EntryView>
        rowKey="id"
        columns={columns}
        dataSource={entries.data?.items ?? []}
        loading={entries.loading}
        scroll={{ x: 900 }}
        data-testid="notices-entries-table"
        onRow={(record) => ({ onClick: () => setOpen(record), style: { cursor: 'pointer' } })}
        locale={{ emptyText: state === 'candidate' ? '没有待确认的公布事项' : '没有公布事项' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: entries.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 项`,
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
      />
      <EntryDrawer
        entry={open}
        onClose={() => setOpen(null)}
        onChanged={(updated) => {
          setOpen(updated);
          entries.reload();
        }}
      />
    </>
  );
}
