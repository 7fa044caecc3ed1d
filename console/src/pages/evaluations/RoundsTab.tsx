import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Radio, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { type CreateRoundInput, createRound, listRounds, type RoundSummary } from '../../api/evaluations';
import { apiErrorText, type ErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { beijingToday, formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { navigate } from '../../router';
import { useCan } from '../../session/SessionContext';
import { ROUND_STATE_COLORS, roundUrl } from './evaluationUrls';

interface CreateForm {
  title: string;
  year: number;
  sampleKind: 'count' | 'ratio';
  sampleValue: number;
  unitId?: string;
}

/** 发起评查活动: the sample is drawn by the server; the form only says how many and from where. */
function CreateRoundModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateForm>();
  const kind = Form.useWatch('sampleKind', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const year = Number(beijingToday().slice(0, 4));

  const submit = async (values: CreateForm) => {
    setBusy(true);
    setError(null);
    try {
      const input: CreateRoundInput = { ...values, title: values.title.trim(), unitId: values.unitId ?? null };
      const round = await createRound(input);
      message.success(`已从 ${round.population} 件中随机抽取 ${round.sampled} 件案卷`);
      navigate(roundUrl(round.id));
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="发起评查活动"
      okText="抽取案卷"
      okButtonProps={{ 'data-testid': 'round-create-submit' }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CreateForm>
        form={form}
        layout="vertical"
        name="evaluationRound"
        preserve={false}
        initialValues={{ year: year - 1, sampleKind: 'ratio', sampleValue: 10, title: `${year - 1} 年度行政执法案卷评查` }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item label="活动名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写活动名称' }]}>
          <Input maxLength={100} data-testid="round-title" />
        </Form.Item>
        <Form.Item label="归档年度" name="year" rules={[{ required: true, message: '请填写归档年度' }]}>
          <InputNumber min={1949} max={2999} precision={0} style={{ width: 160 }} data-testid="round-year" />
        </Form.Item>
        <Form.Item label="抽取方式" name="sampleKind">
          <Radio.Group
            options={[
              { value: 'ratio', label: '按比例' },
              { value: 'count', label: '按件数' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={kind === 'count' ? '抽取件数' : '抽取比例(%,向上取整,至少 1 件)'}
          name="sampleValue"
          rules={[{ required: true, message: '请填写抽取数量' }]}
        >
          <InputNumber min={1} max={kind === 'count' ? 10000 : 100} precision={0} style={{ width: 160 }} data-testid="round-sample" />
        </Form.Item>
        <Form.Item label="范围(不选为全局)" name="unitId">
          <UnitTreeSelect allowClear placeholder="全局" />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">
        只抽取已归档、未销毁的案卷。抽取使用密码学随机种子,种子、可抽取案卷的摘要和抽取结果记入账本,任何人可据此复核。
      </Typography.Paragraph>
      <ErrorAlert error={error} testId="round-create-error" />
    </Modal>
  );
}

const columns: TableColumnsType<RoundSummary> = [
  {
    title: '评查活动',
    dataIndex: 'title',
    render: (title: string, r) => (
      <Typography.Link
        href={roundUrl(r.id)}
        onClick={(e) => {
          e.preventDefault();
          navigate(roundUrl(r.id));
        }}
      >
        {title}
      </Typography.Link>
    ),
  },
  { title: '归档年度', dataIndex: 'year', width: 100 },
  { title: '范围', key: 'unit', width: 160, render: (_, r) => r.unitName ?? '全局' },
  { title: '抽取', key: 'sample', width: 140, render: (_, r) => `${r.population} 件中抽 ${r.sampled} 件` },
  { title: '已提交', key: 'progress', width: 100, render: (_, r) => `${r.submitted} / ${r.sampled}` },
  { title: '评查标准', key: 'sheet', width: 110, render: (_, r) => (r.sheetVersion === 0 ? '默认标准' : `第 ${r.sheetVersion} 版`) },
  { title: '状态', key: 'state', width: 100, render: (_, r) => <Tag color={ROUND_STATE_COLORS[r.state]}>{r.stateLabel}</Tag> },
  { title: '发起', key: 'created', width: 200, render: (_, r) => `${r.createdByName} · ${formatTime(r.createdAt)}` },
];

export function RoundsTab() {
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const load = useCallback(() => listRounds(), []);
  const rounds = useAsync(load);
  return (
    <Flex vertical gap={12}>
      {can('archive.evaluate') && (
        <Flex justify="end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="round-create">
            发起评查活动
          </Button>
        </Flex>
      )}
      <ErrorAlert error={rounds.error ? apiErrorText(rounds.error) : null} testId="rounds-error" />
      <Table<RoundSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rounds.data ?? []}
        loading={rounds.loading}
        scroll={{ x: 960 }}
        locale={{ emptyText: '尚无评查活动' }}
        pagination={false}
        data-testid="rounds-table"
      />
      <CreateRoundModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
