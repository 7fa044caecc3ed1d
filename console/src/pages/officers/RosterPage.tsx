import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Select, Table, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { type Batch, type BatchStatus, listBatches } from '../../api/officers';
import { useAsync } from '../../hooks/useAsync';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useCan } from '../../session/SessionContext';
import { BatchDrawer } from './BatchDrawer';
import { BatchFormModal } from './BatchFormModal';
import { batchColumns } from './batchColumns';
import { BATCH_STATUS_OPTIONS } from './officerLabels';

const DEFAULT_PAGE_SIZE = 20;

/** 清单确认: change batches of the 执法人员清单; the justice bureau starts on its queue of submitted batches. */
export function RosterPage() {
  const { message } = App.useApp();
  const can = useCan();
  const showError = useErrorMessage();
  const drafting = can('officer.edit');
  const confirming = can('roster.confirm');
  const [status, setStatus] = useState<BatchStatus | undefined>(confirming ? 'submitted' : undefined);
  const [pagination, setPagination] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [editing, setEditing] = useState<Batch | 'new' | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);

  const load = useCallback(() => listBatches({ status, ...pagination }), [status, pagination]);
  const batches = useAsync(load);
  const columns = useMemo(() => batchColumns((b) => setOpenId(b.id)), []);
  const changed = useCallback(() => {
    batches.reload();
    setRevision((r) => r + 1);
  }, [batches.reload]);

  return (
    <Card title="清单确认">
      {confirming && (
        <Typography.Paragraph type="secondary">
          待确认的清单变更由政策法规科报送;确认后生成新版公开清单,并须在发布期限前公开。
        </Typography.Paragraph>
      )}
      <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
        <Select<BatchStatus>
          allowClear
          placeholder="全部状态"
          value={status}
          onChange={(next) => {
            setStatus(next || undefined);
            setPagination((p) => ({ ...p, page: 1 }));
          }}
          options={BATCH_STATUS_OPTIONS.map((o) => ({ value: o.value, label: o.value === 'submitted' && confirming ? '待确认' : o.label }))}
          style={{ width: 140 }}
          data-testid="batch-filter-status"
        />
        {drafting && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="batch-create">
            起草清单变更
          </Button>
        )}
      </Flex>
      {batches.error && batches.error.status !== 401 && (
        <Alert type="error" showIcon title={batches.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<Batch>
        rowKey="id"
        columns={columns}
        dataSource={batches.data?.items ?? []}
        loading={batches.loading}
        scroll={{ x: 940 }}
        data-testid="batches-table"
        locale={{ emptyText: status === 'submitted' ? '没有待确认的清单变更' : '暂无清单变更' }}
        pagination={{
          current: pagination.page,
          pageSize: pagination.pageSize,
          total: batches.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 批`,
          onChange: (page, pageSize) => setPagination({ page: pageSize === pagination.pageSize ? page : 1, pageSize }),
        }}
      />
      <BatchFormModal
        target={editing}
        onClose={() => setEditing(null)}
        onError={showError}
        onSaved={(batch) => {
          setEditing(null);
          message.success(`已保存清单变更「${batch.title}」`);
          changed();
          setOpenId(batch.id);
        }}
      />
      <BatchDrawer batchId={openId} refreshKey={revision} onClose={() => setOpenId(null)} onEdit={setEditing} onChanged={changed} />
    </Card>
  );
}
