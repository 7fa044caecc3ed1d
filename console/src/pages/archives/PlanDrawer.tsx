import { Alert, Button, Descriptions, Divider, Drawer, Flex, Form, Grid, Input, InputNumber, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { acceptCase, type CaseFilePlan, type CaseFileView, type ClosedCase, getPlan } from '../../api/archives';
import { apiErrorText, type ErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { useCan } from '../../session/SessionContext';
import { FourChecksView } from './FourChecksView';
import { ItemsTable } from './ItemsTable';

interface AcceptForm {
  pages: number;
  note?: string;
}

function PlanBody({ plan, onAccepted }: { plan: CaseFilePlan; onAccepted: (file: CaseFileView) => void }) {
  const can = useCan();
  const [form] = Form.useForm<AcceptForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const titles = new Map(plan.items.map((i) => [i.position, i.title]));
  const acceptable = can('archive.accept');

  useEffect(() => {
    form.setFieldsValue({ pages: plan.suggestedPages });
  }, [form, plan.suggestedPages]);

  const accept = async (values: AcceptForm) => {
    setBusy(true);
    setError(null);
    try {
      const note = values.note?.trim();
      onAccepted(await acceptCase(plan.caseId, { pages: values.pages, ...(note ? { note } : {}) }));
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'case', label: '案件', children: `${plan.caseNo} ${plan.title}` },
          { key: 'closed', label: '结案日期', children: plan.closedOn },
          {
            key: 'retention',
            label: '保管期限',
            children: (
              <span data-testid="plan-retention">
                {plan.retention.label}
                {plan.retention.until ? `(至 ${plan.retention.until})` : ''}
              </span>
            ),
          },
          { key: 'pages', label: '建议页数', children: `${plan.suggestedPages} 页(每件电子文书至少按 1 页计)` },
          {
            key: 'bases',
            label: '划定依据',
            span: 'filled',
            children: (
              <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="plan-retention-bases">
                {plan.retention.bases.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      <div>
        <Typography.Title level={5}>卷内文件目录(组卷顺序)</Typography.Title>
        <ItemsTable items={plan.items} testId="plan-items" caption="卷内文件目录" />
      </div>
      <div>
        <Typography.Title level={5}>四性检测</Typography.Title>
        <FourChecksView report={plan.report} titleOf={(p) => titles.get(p)} />
      </div>
      <Divider style={{ margin: 0 }} />
      {acceptable ? (
        <Form<AcceptForm> form={form} layout="vertical" name="archiveAccept" onFinish={(v) => void accept(v)}>
          {!plan.report.passed && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title="四性检测未通过,不能接收归档"
              description="请先处理上面标红的问题(如补齐缺失文件、修复被改动的文件),再重新打开组卷预览。"
            />
          )}
          <Form.Item
            label="页数"
            name="pages"
            extra="按打印后的纸质件逐页核对;声像材料不计页数"
            rules={[{ required: true, message: '请填写页数' }]}
          >
            <InputNumber min={1} max={100000} precision={0} style={{ width: 160 }} suffix="页" data-testid="plan-pages" />
          </Form.Item>
          <Form.Item label="备考(本卷情况说明)" name="note" extra="写入卷内备考表,如文件缺损、修改、补充等情况">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount data-testid="plan-note" />
          </Form.Item>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="接收后编定档号,生成封面、卷内目录和备考表;案卷此后不能修改,归档后新增的材料只能补充归档。"
          />
          <Button type="primary" htmlType="submit" loading={busy} disabled={!plan.report.passed} data-testid="plan-accept">
            接收归档
          </Button>
          <ErrorAlert error={error} testId="plan-accept-error" />
        </Form>
      ) : (
        <Typography.Text type="secondary">接收归档由档案管理员办理。</Typography.Text>
      )}
    </Flex>
  );
}

export interface PlanDrawerProps {
  closed: ClosedCase | null;
  onClose: () => void;
  onAccepted: (file: CaseFileView) => void;
}

/** 组卷预览 of a closed case: order, retention, 四性检测; the archivist confirms the pages and accepts. */
export function PlanDrawer({ closed, onClose, onAccepted }: PlanDrawerProps) {
  const compact = Grid.useBreakpoint().md === false;
  const caseId = closed?.id ?? null;
  const load = useCallback(() => (caseId ? getPlan(caseId) : Promise.resolve(null)), [caseId]);
  const plan = useAsync(load);
  const ready = plan.data && plan.data.caseId === caseId;
  const error = plan.error ? apiErrorText(plan.error) : null;

  return (
    <Drawer
      open={closed !== null}
      title={closed ? `组卷预览 · ${closed.caseNo}` : '组卷预览'}
      size={compact ? '100%' : 960}
      onClose={onClose}
      destroyOnHidden
      data-testid="plan-drawer"
    >
      {error ? (
        <ErrorAlert error={error} testId="plan-error" />
      ) : ready && plan.data ? (
        <PlanBody plan={plan.data} onAccepted={onAccepted} />
      ) : (
        <Flex vertical align="center" gap={12} style={{ margin: '48px auto' }}>
          <Spin />
          <Typography.Text type="secondary">正在组卷并进行四性检测…</Typography.Text>
        </Flex>
      )}
    </Drawer>
  );
}
