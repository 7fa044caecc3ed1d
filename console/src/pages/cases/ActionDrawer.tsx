import { Alert, Button, DatePicker, Drawer, Flex, Form, Grid, Input, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { DocumentType, IssuedDocument } from '../../api/caseDocuments';
import { type CaseView, type NextAction, performCaseAction } from '../../api/cases';
import { ApiError } from '../../api/client';
import type { Evidence } from '../../api/evidence';
import { useCan } from '../../session/SessionContext';
import { ActionContext } from './ActionContext';
import { AvFields } from './AvFields';
import { actionForm } from './actionForms';
import { type ActionValues, fineRemaining, initialActionValues, toActionInput } from './actionValues';
import { BenchmarkFields } from './BenchmarkFields';
import { notAfterToday } from './caseDates';
import { EvidenceField } from './EvidenceField';
import { InstallmentsField } from './InstallmentsField';
import { PenaltyFields } from './PenaltyFields';
import { ServiceFields } from './ServiceFields';
import { StatementReviewFields, StepExtraFields } from './StepExtraFields';

export interface ActionDrawerProps {
  view: CaseView;
  action: NextAction | null;
  officerOptions: { value: string; label: string }[];
  evidence: { items: readonly Evidence[]; loading: boolean; reload: () => void };
  /** The case's issued documents (a service step serves one of them). */
  documents: readonly IssuedDocument[];
  /** A service step has no document to serve yet: issue this one first (the 执法文书 tab). */
  onIssueDocument: (type: DocumentType) => void;
  onClose: () => void;
  onDone: (updated: CaseView) => void;
}

/** One action's form: only the fields the action needs; the server's refusal is shown beside the submit button. */
export function ActionDrawer({ view, action, officerOptions, evidence, documents, onIssueDocument, onClose, onDone }: ActionDrawerProps) {
  const can = useCan();
  const compact = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<ActionValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const canApprove = can('case.approve');
  const spec = actionForm(action?.action ?? '');
  const fields = spec.fields.filter((f) => canApprove || f !== 'reviewRequired');
  const has = (f: (typeof fields)[number]) => fields.includes(f);
  // 公告送达 must say why the other methods failed.
  const method = Form.useWatch<string | undefined>('serviceMethod', form);
  const noteRequired = spec.noteRequired || (has('service') && method === '公告送达');

  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [error]);

  const submit = async (values: ActionValues) => {
    if (!action) return;
    setSubmitting(true);
    setError(null);
    try {
      onDone(await performCaseAction(view.id, action.action, toActionInput(values, fields)));
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) setError(err instanceof Error ? err.message : '提交失败,请稍后重试');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Drawer
      open={action !== null}
      onClose={onClose}
      title={
        <span>
          {action?.label}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
            {view.caseNo}
          </Typography.Text>
        </span>
      }
      size={compact ? '100%' : 640}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
      footer={
        <Flex vertical gap={8}>
          {error && (
            <div ref={errorRef}>
              <Alert type="error" showIcon title="未能办理" description={error} data-testid="case-action-error" />
            </div>
          )}
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={submitting} onClick={() => form.submit()} data-testid="case-action-submit">
              {action?.approval ? '审批通过' : '提交'}
            </Button>
          </Flex>
        </Flex>
      }
    >
      {action && (
        <Form<ActionValues>
          form={form}
          name={`caseAction-${action.action}`}
          layout="vertical"
          onFinish={(values) => void submit(values)}
          initialValues={initialActionValues(action.action, view)}
        >
          {spec.hint && <Alert type="info" showIcon title={spec.hint} style={{ marginBottom: 12 }} />}
          <ActionContext action={action.action} view={view} />
          <Form.Item label="办理日期" name="performedOn" rules={[{ required: true, message: '请选择办理日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} inputReadOnly={compact} data-testid="case-performed-on" />
          </Form.Item>
          {has('officers') && (
            <Form.Item label="参与的执法人员" name="officerIds" tooltip="至少两名,执法证件在办理当日有效">
              <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={officerOptions} data-testid="case-officers" />
            </Form.Item>
          )}
          {has('penalty') && <PenaltyFields />}
          {has('benchmark') && <BenchmarkFields itemCode={view.itemCode} />}
          {has('service') && (
            <ServiceFields
              action={action.action}
              view={view}
              documents={documents}
              evidence={evidence.items}
              onIssueDocument={onIssueDocument}
            />
          )}
          {has('installments') && <InstallmentsField owedYuan={fineRemaining(view)} compact={compact} />}
          <StepExtraFields fields={fields} officerOptions={officerOptions} compact={compact} />
          <Form.Item
            label={spec.noteLabel}
            name="note"
            rules={noteRequired ? [{ required: true, whitespace: true, message: `请填写${spec.noteLabel}` }] : undefined}
          >
            <Input.TextArea maxLength={8000} showCount autoSize={{ minRows: 3, maxRows: 12 }} data-testid="case-note" />
          </Form.Item>
          {has('statementReview') && <StatementReviewFields />}
          {has('evidence') && (
            <EvidenceField
              caseId={view.id}
              caseNo={view.caseNo}
              evidence={evidence.items}
              loading={evidence.loading}
              onUploaded={evidence.reload}
            />
          )}
          {has('itemStep') && <AvFields itemCode={view.itemCode} canApprove={canApprove && has('avException')} />}
        </Form>
      )}
    </Drawer>
  );
}
