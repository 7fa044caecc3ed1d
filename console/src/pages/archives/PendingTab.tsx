import { App, Button, Flex, Input, Table, type TableColumnsType, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { type ClosedCase, listPending } from '../../api/archives';
import { apiErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { navigate } from '../../router';
import { useUnits } from '../../session/UnitsContext';
import { fileUrl } from './archiveLabels';
import { PlanDrawer } from './PlanDrawer';

const PROCEDURE_LABELS: Readonly<Record<string, string>> = { general: '一般程序', simple: '简易程序', inspection: '行政检查' };

/** 待归档: closed cases not yet accepted, newest closing first; a row opens its 组卷预览. */
export function PendingTab({ onAccepted }: { onAccepted: () => void }) {
  const { message } = App.useApp();
  const { units } = useUnits();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<ClosedCase | null>(null);
  const load = useCallback(() => listPending(q || undefined), [q]);
  const pending = useAsync(load);
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? '';

  const columns: TableColumnsType<ClosedCase> = [
    { title: '案件编号', dataIndex: 'caseNo', width: 110 },
    {
      title: '案由',
      dataIndex: 'title',
      render: (title: string) => <span data-testid="pending-row-title">{title}</span>,
    },
    { title: '程序', dataIndex: 'procedure', width: 100, render: (p: string) => PROCEDURE_LABELS[p] ?? p },
    { title: '承办单位', key: 'unit', width: 160, ellipsis: true, render: (_, c) => unitName(c.unitId) },
    { title: '结案日期', dataIndex: 'closedOn', width: 110 },
    {
      title: '操作',
      key: 'action',
      width: 110,
      fixed: 'end',
      render: (_, c) => (
        <Button
          size="small"
          type="link"
          onClick={(e) => {
            e.stopPropagation();
            setOpen(c);
          }}
          aria-label={`${c.caseNo} 组卷预览`}
          data-testid="pending-preview"
        >
          组卷预览
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="案件编号或案由"
          aria-label="搜索待归档案件(案件编号或案由)"
          style={{ width: 300, maxWidth: '100%' }}
          onSearch={(value) => setQ(value.trim())}
          data-testid="pending-search"
        />
        <Typography.Text type="secondary">已结案、尚未接收归档的案件;打开组卷预览核对卷内顺序、保管期限和四性检测结果。</Typography.Text>
      </Flex>
      <ErrorAlert error={pending.error ? apiErrorText(pending.error) : null} testId="pending-error" />
      <Table<ClosedCase>
        rowKey="id"
        columns={columns}
        dataSource={pending.data ?? []}
        loading={pending.loading}
        scroll={{ x: 800 }}
        pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 件`, hideOnSinglePage: true }}
        data-testid="pending-table"
        onRow={(c) => ({ onClick: () => setOpen(c), style: { cursor: 'pointer' } })}
        locale={{ emptyText: q ? '没有符合条件的待归档案件' : '没有待归档的案件' }}
      />
      <PlanDrawer
        closed={open}
        onClose={() => setOpen(null)}
        onAccepted={(file) => {
          setOpen(null);
          pending.reload();
          onAccepted();
          message.success({
            content: (
              <span data-testid="plan-accepted">
                已接收归档,档号 {file.archiveNo} <Typography.Link onClick={() => navigate(fileUrl(file.id))}>查看案卷</Typography.Link>
              </span>
            ),
            duration: 6,
          });
        }}
      />
    </>
  );
}
