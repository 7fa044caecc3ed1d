import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import {
  type CaseFileSummary,
  type DisposalListView,
  decideDisposal,
  executeDisposal,
  listDisposalLists,
  listFiles,
  proposeDisposal,
} from '../../api/archives';
import { apiErrorText, type ErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { beijingToday, formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { navigate } from '../../router';
import { useCan } from '../../session/SessionContext';
import { fileUrl, LIST_STATE_COLORS } from './archiveLabels';
import { FileStateTags, RetentionText } from './FilesTab';

/** The files of a list (or to choose from): 档号 links to the file. */
function fileColumns(today: string): TableColumnsType<CaseFileSummary> {
  return [
    {
      title: '档号',
      dataIndex: 'archiveNo',
      width: 200,
      render: (no: string, f) => (
        <Typography.Link
          href={fileUrl(f.id)}
          onClick={(e) => {
            e.preventDefault();
            navigate(fileUrl(f.id));
          }}
        >
          {no}
        </Typography.Link>
      ),
    },
    { title: '题名', dataIndex: 'title' },
    { title: '保管期限', key: 'retention', width: 130, render: (_, f) => <RetentionText file={f} today={today} /> },
    { title: '件数/页数', key: 'count', width: 100, render: (_, f) => `${f.itemCount} 件 / ${f.pages} 页` },
    { title: '状态', key: 'state', width: 120, render: (_, f) => <FileStateTags file={f} /> },
  ];
}

/** 编制销毁清单: files of the scope whose retention ended before today; frozen files cannot be chosen. */
function ProposeModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (list: DisposalListView) => void }) {
  const today = beijingToday();
  const [form] = Form.useForm<{ reason: string }>();
  const [selected, setSelected] = useState<string[]>([]);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const load = useCallback(
    () => (open ? listFiles({ state: 'archived', expiredBy: today, ...paging }) : Promise.resolve(null)),
    [open, today, paging],
  );
  const expired = useAsync(load);

  const submit = async ({ reason }: { reason: string }) => {
    if (selected.length === 0) {
      setError({ title: '请至少选择一卷保管期满的案卷', details: [] });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await proposeDisposal(selected, reason.trim()));
      setSelected([]);
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="编制销毁清单"
      width={960}
      okText={`编制清单(${selected.length} 卷)`}
      okButtonProps={{ 'data-testid': 'disposal-propose-submit' }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) {
          setError(null);
          setSelected([]);
        }
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`下列案卷的保管期限在 ${today} 之前已经届满。经鉴定无继续保存价值的,选入清单,报局领导审批(须附同级档案部门的批复文号);冻结的案卷不能选择。`}
      />
      <ErrorAlert error={expired.error ? apiErrorText(expired.error) : null} testId="disposal-expired-error" />
      <Table<CaseFileSummary>
        rowKey="id"
        size="small"
        columns={fileColumns(today)}
        dataSource={expired.data?.items ?? []}
        loading={expired.loading}
        scroll={{ x: 760 }}
        data-testid="disposal-expired-table"
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (f) => ({ disabled: f.legalHold !== null, 'aria-label': `选择 ${f.archiveNo}` }),
        }}
        locale={{ emptyText: '没有保管期满的案卷' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: expired.data?.total ?? 0,
          showTotal: (total) => `保管期满 ${total} 卷`,
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
      />
      <Form
        form={form}
        layout="vertical"
        name="disposalPropose"
        preserve={false}
        onFinish={(v) => void submit(v)}
        style={{ marginTop: 12 }}
      >
        <Form.Item label="销毁理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写销毁理由' }]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={500}
            showCount
            placeholder="如:保管期满,经鉴定小组鉴定无继续保存价值"
            data-testid="disposal-reason"
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} testId="disposal-propose-error" />
    </Modal>
  );
}

interface DecisionForm {
  approvalRef?: string;
  opinion?: string;
}

/** 局领导审批: 批准 needs the 同级档案部门's 批复文号; 不批准 may give an opinion. */
function DecisionModal({
  list,
  approve,
  onClose,
  onDone,
}: {
  list: DisposalListView | null;
  approve: boolean;
  onClose: () => void;
  onDone: (list: DisposalListView) => void;
}) {
  const [form] = Form.useForm<DecisionForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);

  const submit = async (values: DecisionForm) => {
    if (!list) return;
    setBusy(true);
    setError(null);
    try {
      const approvalRef = values.approvalRef?.trim();
      const opinion = values.opinion?.trim();
      onDone(await decideDisposal(list.id, { approve, ...(approvalRef ? { approvalRef } : {}), ...(opinion ? { opinion } : {}) }));
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={list !== null}
      title={`${approve ? '批准' : '不批准'}销毁清单 · ${list?.listNo ?? ''}`}
      okText={approve ? '批准' : '不批准'}
      okButtonProps={{ danger: !approve, 'data-testid': 'disposal-decision-submit' }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
    >
      {approve && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`批准后,档案管理员可执行销毁,清单中 ${list?.files.length ?? 0} 卷案卷的内容将被永久删除。`}
        />
      )}
      <Form<DecisionForm> form={form} layout="vertical" name="disposalDecision" preserve={false} onFinish={(v) => void submit(v)}>
        {approve && (
          <Form.Item
            label="批复文号"
            name="approvalRef"
            extra="同级档案部门同意销毁的批复文号"
            rules={[{ required: true, whitespace: true, message: '请填写同级档案部门的批复文号' }]}
          >
            <Input maxLength={100} data-testid="disposal-approval-ref" />
          </Form.Item>
        )}
        <Form.Item label={approve ? '审批意见' : '不批准的意见'} name="opinion">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount data-testid="disposal-opinion" />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} testId="disposal-decision-error" />
    </Modal>
  );
}

/** 执行销毁: irreversible, so the archivist confirms having checked the list before the red button works. */
function ExecuteModal({
  list,
  onClose,
  onDone,
}: {
  list: DisposalListView | null;
  onClose: () => void;
  onDone: (list: DisposalListView) => void;
}) {
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);

  const run = async () => {
    if (!list) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await executeDisposal(list.id));
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={list !== null}
      title={`执行销毁 · ${list?.listNo ?? ''}`}
      okText="永久删除并执行销毁"
      okButtonProps={{ danger: true, disabled: !checked, 'data-testid': 'disposal-execute-submit' }}
      confirmLoading={busy}
      onOk={() => void run()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) {
          setError(null);
          setChecked(false);
        }
      }}
    >
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        title={`清单中 ${list?.files.length ?? 0} 卷案卷的全部文件内容(文书、证据、声像材料)将被永久删除,无法恢复。`}
        description="账本保留每个文件的哈希值和本次销毁的记录(批复文号、执行人、时间),卷内目录也保留,作为销毁前内容的凭证。"
      />
      <ul style={{ paddingInlineStart: 18 }}>
        {(list?.files ?? []).map((f) => (
          <li key={f.id}>
            {f.archiveNo} {f.title}
          </li>
        ))}
      </ul>
      {list?.approvalRef && <Typography.Paragraph>批复文号:{list.approvalRef}</Typography.Paragraph>}
      <Checkbox checked={checked} onChange={(e) => setChecked(e.target.checked)} data-testid="disposal-execute-confirm">
        我已逐卷核对清单,确认永久删除上述案卷的内容
      </Checkbox>
      <ErrorAlert error={error} testId="disposal-execute-error" />
    </Modal>
  );
}

/** 销毁清单: the lists with their states; archivists propose and execute, leaders approve or refuse. */
export function DisposalTab({ onChanged }: { onChanged: () => void }) {
  const can = useCan();
  const { message } = App.useApp();
  const today = beijingToday();
  const lists = useAsync(listDisposalLists);
  const [proposing, setProposing] = useState(false);
  const [deciding, setDeciding] = useState<{ list: DisposalListView; approve: boolean } | null>(null);
  const [executing, setExecuting] = useState<DisposalListView | null>(null);

  const changed = (text: string) => {
    message.success(text);
    lists.reload();
    onChanged();
  };

  const columns: TableColumnsType<DisposalListView> = [
    { title: '清单编号', dataIndex: 'listNo', width: 150 },
    {
      title: '状态',
      key: 'state',
      width: 130,
      render: (_, l) => (
        <Tag color={LIST_STATE_COLORS[l.state]} data-testid="disposal-row-state">
          {l.stateLabel}
        </Tag>
      ),
    },
    { title: '案卷', key: 'files', width: 80, render: (_, l) => `${l.files.length} 卷` },
    { title: '销毁理由', dataIndex: 'reason', ellipsis: true },
    { title: '编制', key: 'created', width: 170, render: (_, l) => `${l.createdByName} ${formatTime(l.createdAt).slice(0, 10)}` },
    {
      title: '审批',
      key: 'approved',
      width: 200,
      render: (_, l) =>
        l.approvedByName ? (
          <Flex vertical gap={2}>
            <span>
              {l.approvedByName} {formatTime(l.approvedAt).slice(0, 10)}
            </span>
            {l.approvalRef && <Typography.Text type="secondary">批复文号 {l.approvalRef}</Typography.Text>}
            {l.decisionOpinion && <Typography.Text type="secondary">意见:{l.decisionOpinion}</Typography.Text>}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: '执行',
      key: 'executed',
      width: 150,
      render: (_, l) =>
        l.executedAt
          ? `${formatTime(l.executedAt).slice(0, 10)}${l.blobsDisposed !== null ? ` · 删除 ${l.blobsDisposed} 个文件` : ''}`
          : '—',
    },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, l) => (
        <Flex wrap gap={6}>
          {l.state === 'pending' && can('archive.approve_disposal') && (
            <>
              <Button size="small" type="primary" onClick={() => setDeciding({ list: l, approve: true })} data-testid="disposal-approve">
                批准
              </Button>
              <Button size="small" danger onClick={() => setDeciding({ list: l, approve: false })} data-testid="disposal-reject">
                不批准
              </Button>
            </>
          )}
          {l.state === 'approved' && can('archive.dispose') && (
            <Button size="small" danger onClick={() => setExecuting(l)} data-testid="disposal-execute">
              执行销毁
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        {can('archive.dispose') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setProposing(true)} data-testid="disposal-new">
            编制销毁清单
          </Button>
        )}
        <Typography.Text type="secondary">
          保管期满的案卷经鉴定编入销毁清单,局领导批准(附同级档案部门批复文号)后由档案管理员执行销毁。
        </Typography.Text>
      </Flex>
      <ErrorAlert error={lists.error ? apiErrorText(lists.error) : null} testId="disposal-error" />
      <Table<DisposalListView>
        rowKey="id"
        columns={columns}
        dataSource={lists.data ?? []}
        loading={lists.loading}
        scroll={{ x: 1180 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="disposal-table"
        expandable={{
          expandedRowRender: (l) => (
            <Table<CaseFileSummary>
              rowKey="id"
              size="small"
              columns={fileColumns(today)}
              dataSource={l.files}
              pagination={false}
              aria-label={`销毁清单 ${l.listNo} 的案卷`}
            />
          ),
        }}
        locale={{ emptyText: '尚无销毁清单' }}
      />
      <ProposeModal
        open={proposing}
        onClose={() => setProposing(false)}
        onDone={(list) => {
          setProposing(false);
          changed(`已编制销毁清单 ${list.listNo},待局领导审批`);
        }}
      />
      <DecisionModal
        list={deciding?.list ?? null}
        approve={deciding?.approve ?? true}
        onClose={() => setDeciding(null)}
        onDone={(list) => {
          setDeciding(null);
          changed(list.state === 'approved' ? `已批准销毁清单 ${list.listNo}` : `销毁清单 ${list.listNo} 未批准`);
        }}
      />
      <ExecuteModal
        list={executing}
        onClose={() => setExecuting(null)}
        onDone={(list) => {
          setExecuting(null);
          changed(`销毁清单 ${list.listNo} 已执行`);
        }}
      />
    </>
  );
}
