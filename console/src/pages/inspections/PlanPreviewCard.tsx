import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Spin, Table, Typography } from 'antd';
import { useCallback } from 'react';
import { ALL, announcePlan, type PlanView, previewPlan, type Quota, RISK_LABELS, type RiskClass } from '../../api/inspections';
import { useAsync } from '../../hooks/useAsync';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useCan } from '../../session/SessionContext';

export const stratumLabel = (stratum: string): string => (stratum === ALL ? '全部' : (RISK_LABELS[stratum as RiskClass] ?? stratum));

export function QuotasTable({ quotas, testId }: { quotas: readonly Quota[]; testId: string }) {
  return (
    <Table<Quota>
      rowKey="stratum"
      size="small"
      pagination={false}
      dataSource={[...quotas]}
      data-testid={testId}
      columns={[
        { title: '类别', dataIndex: 'stratum', render: stratumLabel },
        { title: '对象数', dataIndex: 'size', width: 90 },
        { title: '抽取数', dataIndex: 'count', width: 90 },
      ]}
      summary={(rows) => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
          <Table.Summary.Cell index={1}>{rows.reduce((n, q) => n + q.size, 0)}</Table.Summary.Cell>
          <Table.Summary.Cell index={2}>{rows.reduce((n, q) => n + q.count, 0)}</Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/**
 * 公告前核对: what announcing would freeze today (population, quotas, inspectors, conflicts) and what
 * prevents it; 公告 asks for confirmation, because nothing of it can change afterwards.
 */
export function PlanPreviewCard({ plan, onAnnounced }: { plan: PlanView; onAnnounced: (plan: PlanView) => void }) {
  const can = useCan();
  const { modal, message } = App.useApp();
  const showError = useErrorMessage();
  const load = useCallback(() => previewPlan(plan.id), [plan.id]);
  const preview = useAsync(load);
  const data = preview.data;
  const blocked = !data || data.problems.length > 0;

  const confirm = () =>
    modal.confirm({
      title: '公告抽查计划',
      width: 520,
      content: (
        <Flex vertical gap={8}>
          <Typography.Text>公告后:</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            <li>
              检查对象范围({data?.populationCount ?? 0} 个)、执法检查人员名单({data?.inspectors.length ?? 0}{' '}
              人)和利害关系申报即被冻结,此后名录库的变化不影响本计划;
            </li>
            <li>公开随机源和一次性码的承诺值记入不可篡改的账本并在门户网站公开;</li>
            <li>计划不能再修改。随机源号码公布后只能抽取一次;如需重新抽取,须取消本计划并另行公告新计划。</li>
          </ul>
        </Flex>
      ),
      okText: '确认公告',
      okButtonProps: { 'data-testid': 'plan-announce-confirm' },
      cancelText: '再看看',
      onOk: async () => {
        try {
          const announced = await announcePlan(plan.id);
          message.success('计划已公告');
          onAnnounced(announced);
        } catch (error) {
          showError(error);
          preview.reload();
        }
      },
    });

  return (
    <Card
      size="small"
      title="公告前核对"
      style={{ marginTop: 16 }}
      data-testid="plan-preview"
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={preview.reload}>
          重新核对
        </Button>
      }
    >
      {preview.error && preview.error.status !== 401 && <Alert type="error" showIcon title={preview.error.message} />}
      <Spin spinning={preview.loading}>
        {data && (
          <Flex vertical gap={12}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'population', label: '检查对象', children: <span data-testid="preview-population">{data.populationCount} 个</span> },
                {
                  key: 'inspectors',
                  label: '执法检查人员',
                  children: (
                    <span data-testid="preview-inspectors">
                      {data.inspectors.length} 人{data.inspectors.length > 0 && `:${data.inspectors.map((i) => i.name).join('、')}`}
                    </span>
                  ),
                },
                { key: 'conflicts', label: '利害关系', children: `${data.conflictCount} 项(抽取时回避)` },
              ]}
            />
            <QuotasTable quotas={data.quotas} testId="preview-quotas" />
            {data.problems.length > 0 && (
              <Alert
                type="error"
                showIcon
                title="以下问题解决前不能公告"
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {data.problems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                }
                data-testid="preview-problems"
              />
            )}
          </Flex>
        )}
      </Spin>
      {can('inspection.announce') && (
        <Button type="primary" style={{ marginTop: 12 }} disabled={blocked} onClick={confirm} data-testid="plan-announce">
          公告计划
        </Button>
      )}
    </Card>
  );
}
