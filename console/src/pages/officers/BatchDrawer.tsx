import { Alert, App, Button, Descriptions, Drawer, Flex, Grid, Popconfirm, Skeleton, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { type Batch, confirmBatch, getBatch, returnBatch, submitBatch } from '../../api/officers';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useCan } from '../../session/SessionContext';
import { BatchItems } from './BatchItems';
import { batchStatusTag } from './officerLabels';
import { ReturnModal } from './ReturnModal';

interface BodyProps {
  batchId: string;
  refreshKey: number;
  onEdit: (batch: Batch) => void;
  onChanged: () => void;
}

function BatchDrawerBody({ batchId, refreshKey, onEdit, onChanged }: BodyProps) {
  const { message } = App.useApp();
  const can = useCan();
  const showError = useErrorMessage();
  const [returning, setReturning] = useState(false);
  const [busy, setBusy] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refreshKey` re-reads after an edit made in the form.
  const load = useCallback(() => getBatch(batchId), [batchId, refreshKey]);
  const batch = useAsync(load);

  const act = async (call: () => Promise<Batch>, done: (b: Batch) => string) => {
    setBusy(true);
    try {
      const result = await call();
      message.success(done(result), 6);
      setReturning(false);
      batch.reload();
      onChanged();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  if (batch.error) return batch.error.status === 401 ? null : <Alert type="error" showIcon title={batch.error.message} />;
  const b = batch.data;
  if (!b) return <Skeleton active />;
  const tag = batchStatusTag(b.status);
  const editable = can('officer.edit') && (b.status === 'draft' || b.status === 'returned');
  const decidable = can('roster.confirm') && b.status === 'submitted';

  return (
    <>
      {b.status === 'confirmed' && b.version !== null && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="batch-published"
          title={`已确认并生成第 ${b.version} 版公开清单`}
          description={`发布期限:${b.publishDeadline ?? '—'}(须在此日期前在公开页面发布)`}
        />
      )}
      {b.status === 'returned' && b.returnReason && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title="司法局已退回" description={`退回理由:${b.returnReason}`} />
      )}
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 110 } }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="批次名称">{b.title}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={tag.color} data-testid="batch-status">
            {tag.label}
          </Tag>
        </Descriptions.Item>
        {b.note && <Descriptions.Item label="说明">{b.note}</Descriptions.Item>}
        <Descriptions.Item label="起草时间">{formatTime(b.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="报送时间">{formatTime(b.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label="处理时间">{formatTime(b.decidedAt)}</Descriptions.Item>
        {b.version !== null && <Descriptions.Item label="公开版本">第 {b.version} 版</Descriptions.Item>}
        {b.publishDeadline && <Descriptions.Item label="发布期限">{b.publishDeadline}</Descriptions.Item>}
      </Descriptions>
      <BatchItems items={b.items} />
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        {editable && <Button onClick={() => onEdit(b)}>修改</Button>}
        {editable && (
          <Popconfirm
            title="报送司法局确认"
            description="报送后将冻结所列人员当前的信息,确认或退回前不能修改。"
            okText="报送"
            cancelText="取消"
            okButtonProps={{ 'data-testid': 'roster-submit-ok' }}
            onConfirm={() =>
              act(
                () => submitBatch(b.id),
                () => '已报送司法局确认',
              )
            }
          >
            <Button type="primary" loading={busy} data-testid="roster-submit">
              报送
            </Button>
          </Popconfirm>
        )}
        {decidable && (
          <Popconfirm
            title="确认并公开"
            description="确认后将按以上信息生成新版公开清单。"
            okText="确认"
            cancelText="取消"
            okButtonProps={{ 'data-testid': 'roster-confirm-ok' }}
            onConfirm={() =>
              act(
                () => confirmBatch(b.id),
                (r) => `已确认,生成第 ${r.version ?? '—'} 版公开清单,发布期限 ${r.publishDeadline ?? '—'}`,
              )
            }
          >
            <Button type="primary" loading={busy} data-testid="roster-confirm">
              确认
            </Button>
          </Popconfirm>
        )}
        {decidable && (
          <Button danger onClick={() => setReturning(true)} data-testid="roster-return">
            退回
          </Button>
        )}
      </Flex>
      <ReturnModal
        open={returning}
        onClose={() => setReturning(false)}
        onReturn={(reason) =>
          act(
            () => returnBatch(b.id, reason),
            () => '已退回',
          )
        }
      />
    </>
  );
}

export function BatchDrawer(props: {
  batchId: string | null;
  refreshKey: number;
  onClose: () => void;
  onEdit: (b: Batch) => void;
  onChanged: () => void;
}) {
  const compact = Grid.useBreakpoint().md === false;
  return (
    <Drawer open={props.batchId !== null} onClose={props.onClose} title="清单变更详情" size={compact ? '100%' : 640} destroyOnHidden>
      {props.batchId && (
        <BatchDrawerBody
          key={props.batchId}
          batchId={props.batchId}
          refreshKey={props.refreshKey}
          onEdit={props.onEdit}
          onChanged={props.onChanged}
        />
      )}
    </Drawer>
  );
}
