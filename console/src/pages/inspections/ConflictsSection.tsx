import { Alert, App, Button, Card, Col, Flex, Form, Grid, Input, Row, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { type ConflictDeclaration, declareConflict, type Inspector, listConflicts, withdrawConflict } from '../../api/inspections';
import { apiErrorText, type ErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ReasonModal } from '../../components/ReasonModal';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { useCan } from '../../session/SessionContext';

interface DeclareValues {
  officerId?: string;
  uscc: string;
  reason: string;
}

const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

function DeclareForm({ inspectors, forOthers, onDeclared }: { inspectors: Inspector[]; forOthers: boolean; onDeclared: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DeclareValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);

  const submit = async (values: DeclareValues) => {
    setBusy(true);
    setError(null);
    try {
      const uscc = values.uscc.trim().toUpperCase();
      await declareConflict({ ...(values.officerId ? { officerId: values.officerId } : {}), uscc, reason: values.reason.trim() });
      message.success('已申报;此后公告的抽查计划中,该人员不参加对该检查对象的检查');
      form.resetFields();
      onDeclared();
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} name="conflict" layout="vertical" onFinish={(values) => void submit(values)}>
      <Row gutter={12}>
        {forOthers && (
          <Col xs={24} md={8}>
            <Form.Item label="执法人员" name="officerId" extra="不选为本人申报">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="本人"
                options={inspectors.map((i) => ({ value: i.id, label: `${i.name}(${i.certificateNo})` }))}
                data-testid="conflict-officer"
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={forOthers ? 8 : 10}>
          <Form.Item
            label="检查对象统一社会信用代码"
            name="uscc"
            rules={[
              { required: true, whitespace: true, message: '请填写统一社会信用代码' },
              {
                validator: (_, v: string | undefined) =>
                  !v || USCC_PATTERN.test(v.trim().toUpperCase())
                    ? Promise.resolve()
                    : Promise.reject(new Error('应为 18 位统一社会信用代码')),
              },
            ]}
          >
            <Input maxLength={18} placeholder="18 位" data-testid="conflict-uscc" />
          </Form.Item>
        </Col>
        <Col xs={24} md={forOthers ? 8 : 14}>
          <Form.Item label="利害关系" name="reason" rules={[{ required: true, whitespace: true, message: '请写明利害关系' }]}>
            <Input maxLength={500} placeholder="如:配偶在该单位任职" data-testid="conflict-reason" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="conflict-declare">
        申报
      </Button>
      <ErrorAlert error={error} testId="conflict-error" />
    </Form>
  );
}

const secondary = { fontSize: 12 } as const;

const conflictColumns: TableColumnsType<ConflictDeclaration> = [
  {
    title: '执法人员',
    key: 'officer',
    width: 140,
    render: (_, c) => (
      <Flex vertical>
        <span>{c.officerName}</span>
        <Typography.Text type="secondary" style={secondary}>
          {c.certificateNo}
        </Typography.Text>
      </Flex>
    ),
  },
  {
    title: '检查对象',
    key: 'entity',
    render: (_, c) => (
      <Flex vertical>
        <span>{c.entityName || '(名录库中已无此对象)'}</span>
        <Typography.Text type="secondary" style={secondary}>
          {c.uscc}
        </Typography.Text>
      </Flex>
    ),
  },
  { title: '利害关系', dataIndex: 'reason', ellipsis: true },
  { title: '申报时间', dataIndex: 'declaredAt', width: 170, render: (t: string) => formatTime(t) },
];

/** On a phone: one cell per declaration. */
function CompactConflict({ conflict: c }: { conflict: ConflictDeclaration }) {
  return (
    <Flex vertical gap={2}>
      <span>{c.entityName || '(名录库中已无此对象)'}</span>
      <Typography.Text type="secondary" style={secondary}>
        {c.uscc}
      </Typography.Text>
      <span>{c.reason}</span>
      <Typography.Text type="secondary" style={secondary}>
        {c.officerName}({c.certificateNo})· {formatTime(c.declaredAt).slice(0, 10)}
      </Typography.Text>
    </Flex>
  );
}

/**
 * 利害关系申报: an officer declares their own, a unit head or 政策法规科 for any officer; it binds plans
 * announced afterwards (the officer withdraws from that entity's team), and is withdrawn with a reason.
 */
export function ConflictsSection({ inspectors, onChanged }: { inspectors: Inspector[]; onChanged: () => void }) {
  const can = useCan();
  const { message } = App.useApp();
  const compact = Grid.useBreakpoint().md === false;
  const conflicts = useAsync(listConflicts);
  const [withdrawing, setWithdrawing] = useState<ConflictDeclaration | null>(null);
  const mayDeclare = can('inspection.conflicts');

  const columns: TableColumnsType<ConflictDeclaration> = [
    ...(compact ? [] : conflictColumns),
    ...(compact ? [{ title: '申报', key: 'all', render: (_: unknown, c: ConflictDeclaration) => <CompactConflict conflict={c} /> }] : []),
    ...(mayDeclare
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 70,
            render: (_: unknown, c: ConflictDeclaration) => (
              <Button size="small" type="link" danger onClick={() => setWithdrawing(c)} data-testid="conflict-withdraw">
                撤回
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title="利害关系申报" size="small" style={{ marginTop: 16 }} data-testid="conflicts-section">
      <Typography.Paragraph type="secondary">
        执法检查人员与检查对象有利害关系的(如近亲属在该单位任职、曾在该单位任职未满规定年限等),应当申报;抽取时自动回避,由下一位抽中的人员替补。
        申报只对此后公告的计划生效,已公告的计划按公告时冻结的名单抽取。
      </Typography.Paragraph>
      {mayDeclare && (
        <DeclareForm
          inspectors={inspectors}
          forOthers={can('inspection.plan')}
          onDeclared={() => {
            conflicts.reload();
            onChanged();
          }}
        />
      )}
      {conflicts.error && conflicts.error.status !== 401 && (
        <Alert type="error" showIcon title={conflicts.error.message} style={{ marginTop: 12 }} />
      )}
      <Table<ConflictDeclaration>
        rowKey="id"
        style={{ marginTop: 16 }}
        size="small"
        columns={columns}
        dataSource={conflicts.data ?? []}
        loading={conflicts.loading}
        scroll={compact ? undefined : { x: 800 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '没有在效的利害关系申报' }}
        data-testid="conflicts-table"
      />
      <ReasonModal
        open={withdrawing !== null}
        title="撤回利害关系申报"
        label="撤回理由"
        hint="如利害关系已经消除;撤回只对此后公告的计划生效。"
        danger
        okText="撤回"
        onCancel={() => setWithdrawing(null)}
        onSubmit={async (reason) => {
          if (!withdrawing) return;
          await withdrawConflict(withdrawing.id, reason);
          message.success('已撤回');
          setWithdrawing(null);
          conflicts.reload();
          onChanged();
        }}
        testId="conflict-withdraw-reason"
      />
    </Card>
  );
}
