import { Alert, App, Button, Flex, InputNumber, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { type BatchSummary, compileBatch, getBatch, listBatches, publishBatch } from '../../api/violation-notices';
import { beijingToday, formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useCan } from '../../session/SessionContext';

const QUARTERS = [1, 2, 3, 4].map((q) => ({ value: q, label: `第 ${q} 季度` }));

/** The previous quarter: the one a list is usually compiled for. */
function lastQuarter(today: string): { year: number; quarter: number } {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}

/** The quarterly lists: 编制 by 政策法规科, 发布 by a leader or 政策法规科; a published list links to the portal. */
export function BatchesTab() {
  const can = useCan();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const batches = useAsync(listBatches);
  const [target, setTarget] = useState(() => lastQuarter(beijingToday()));
  const [busy, setBusy] = useState<string | null>(null);
  const [entries, setEntries] = useState<Record<string, string[]>>({});

  const act = async (key: string, work: () => Promise<unknown>, done: string) => {
    setBusy(key);
    try {
      await work();
      message.success(done);
      batches.reload();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<BatchSummary> = [
    { title: '季度', dataIndex: 'label' },
    {
      title: '状态',
      key: 'state',
      render: (_, b) =>
        b.state === 'published' ? (
          <Tag color="green">已公布</Tag>
        ) : (
          <Tag color={b.overdue ? 'red' : 'gold'}>{b.overdue ? '待发布(已逾期)' : '待发布'}</Tag>
        ),
    },
    { title: '应公布日期', dataIndex: 'dueOn' },
    { title: '事项', key: 'count', render: (_, b) => `${b.entryCount} 项${b.removedCount > 0 ? `(撤下 ${b.removedCount})` : ''}` },
    { title: '发布时间', dataIndex: 'publishedAt', render: (t: string | null) => formatTime(t) },
    {
      title: '操作',
      key: 'actions',
      render: (_, b) => (
        <Flex wrap gap={8}>
          {b.state === 'draft' && can('violation_notice.compile') && (
            <Button
              size="small"
              loading={busy === `c${b.id}`}
              onClick={() => void act(`c${b.id}`, () => compileBatch(b.year, b.quarter), '已重新编制')}
            >
              重新编制
            </Button>
          )}
          {b.state === 'draft' && can('violation_notice.publish') && (
            <Popconfirm
              title="发布后名单不能修改,确定发布?"
              onConfirm={() => void act(`p${b.id}`, () => publishBatch(b.id), '已发布')}
              okText="发布"
            >
              <Button size="small" type="primary" loading={busy === `p${b.id}`} data-testid={`notice-publish-${b.year}-${b.quarter}`}>
                发布
              </Button>
            </Popconfirm>
          )}
          {b.state === 'published' && (
            <Button size="small" href={`/violation-notices/${b.year}/${b.quarter}`} target="_blank" rel="noopener">
              查看公布页面
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      {can('violation_notice.compile') && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
          <Typography.Text>编制名单:</Typography.Text>
          <InputNumber min={2017} max={2100} value={target.year} onChange={(year) => year && setTarget((t) => ({ ...t, year }))} />
          <Select
            style={{ width: 120 }}
            options={QUARTERS}
            value={target.quarter}
            onChange={(quarter: number) => setTarget((t) => ({ ...t, quarter }))}
          />
          <Button
            type="primary"
            loading={busy === 'compile'}
            onClick={() => void act('compile', () => compileBatch(target.year, target.quarter), '已编制季度名单')}
            data-testid="notice-compile"
          >
            编制
          </Button>
        </Flex>
      )}
      {batches.error && batches.error.status !== 401 && (
        <Alert type="error" showIcon title={batches.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<BatchSummary>
        rowKey="id"
        columns={columns}
        dataSource={batches.data ?? []}
        loading={batches.loading}
        scroll={{ x: 800 }}
        pagination={false}
        data-testid="notices-batches-table"
        expandable={{
          onExpand: (expanded, b) => {
            if (!expanded || entries[b.id]) return;
            getBatch(b.id).then(
              (view) => setEntries((m) => ({ ...m, [b.id]: view.entries.map((e) => `${e.subjectName}(${e.categoryLabel ?? ''})`) })),
              showError,
            );
          },
          expandedRowRender: (b) => (
            <ol style={{ margin: 0 }}>
              {(entries[b.id] ?? []).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ol>
          ),
        }}
        locale={{ emptyText: '尚未编制季度名单' }}
      />
    </>
  );
}
