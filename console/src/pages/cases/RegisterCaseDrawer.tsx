import { Alert, Button, Col, DatePicker, Drawer, Flex, Form, Grid, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type CaseView, type PartyInput, type RegisterCaseInput, registerCase } from '../../api/cases';
import { ApiError } from '../../api/client';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { beijingToday } from '../../format';
import { useMe } from '../../session/SessionContext';
import { notAfterToday, toDay } from './caseDates';
import { options, PROCEDURE_LABELS, SOURCES } from './caseLabels';
import { emptyParty, PartiesField } from './PartiesField';
import { PublishedItemSelect } from './PublishedItemSelect';
import { useOfficerDirectory } from './useOfficerDirectory';

interface RegisterValues {
  title: string;
  unitId: string;
  procedure: 'general' | 'simple';
  source: string;
  itemCode: string;
  receivedOn: Dayjs;
  summary?: string;
  parties: PartyInput[];
  leadOfficerId?: string;
  assistOfficerIds?: string[];
}

const PROCEDURE_OPTIONS = Object.entries(PROCEDURE_LABELS).map(([value, label]) => ({ value, label }));

function toInput(v: RegisterValues): RegisterCaseInput {
  const lead = v.leadOfficerId ? [{ officerId: v.leadOfficerId, role: 'lead' as const }] : [];
  const assists = (v.assistOfficerIds ?? [])
    .filter((id) => id !== v.leadOfficerId)
    .map((officerId) => ({ officerId, role: 'assist' as const }));
  return {
    title: v.title.trim(),
    unitId: v.unitId,
    procedure: v.procedure,
    source: v.source,
    itemCode: v.itemCode,
    receivedOn: toDay(v.receivedOn),
    summary: (v.summary ?? '').trim(),
    parties: v.parties.map((p) => ({
      kind: p.kind,
      name: p.name.trim(),
      idNo: p.idNo.trim().toUpperCase(),
      address: (p.address ?? '').trim(),
      legalRepresentative: p.kind === 'organization' ? (p.legalRepresentative ?? '').trim() : '',
      phone: (p.phone ?? '').trim(),
    })),
    officers: [...lead, ...assists],
  };
}

export interface RegisterCaseDrawerProps {
  open: boolean;
  onClose: () => void;
  onRegistered: (created: CaseView) => void;
}

/** 案源登记: 案由, unit, procedure, source, item, date, facts, parties and the officers assigned. */
export function RegisterCaseDrawer({ open, onClose, onRegistered }: RegisterCaseDrawerProps) {
  const me = useMe();
  const compact = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<RegisterValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const officers = useOfficerDirectory();

  const submit = async (values: RegisterValues) => {
    setSubmitting(true);
    setError(null);
    try {
      onRegistered(await registerCase(toInput(values)));
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) setError(err instanceof Error ? err.message : '登记失败,请稍后重试');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title="新建案件(案源登记)"
      size={compact ? '100%' : 760}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
      footer={
        <Flex vertical gap={8}>
          {error && <Alert type="error" showIcon title={error} data-testid="case-action-error" />}
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={submitting} onClick={() => form.submit()} data-testid="case-action-submit">
              登记
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form<RegisterValues>
        form={form}
        name="registerCase"
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ unitId: me.unit.id, procedure: 'general', receivedOn: dayjs(beijingToday()), parties: [emptyParty()] }}
      >
        <Form.Item label="案由" name="title" rules={[{ required: true, whitespace: true, message: '请填写案由' }]}>
          <Input maxLength={200} placeholder="如:某公司拖欠劳动者工资案" data-testid="case-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label="承办机构" name="unitId" rules={[{ required: true, message: '请选择承办机构' }]}>
              <UnitTreeSelect />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="程序" name="procedure">
              <Radio.Group options={PROCEDURE_OPTIONS} optionType="button" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="案件来源" name="source" rules={[{ required: true, message: '请选择案件来源' }]}>
              <Select options={options(SOURCES)} placeholder="请选择" data-testid="case-source" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="收案日期" name="receivedOn" rules={[{ required: true, message: '请选择收案日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} inputReadOnly={compact} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="执法事项" name="itemCode" rules={[{ required: true, message: '请选择执法事项' }]}>
          <PublishedItemSelect data-testid="case-item" />
        </Form.Item>
        <Form.Item label="案情简述" name="summary">
          <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item label="当事人" required style={{ marginBottom: 0 }}>
          <PartiesField />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label="主办执法人员" name="leadOfficerId">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={officers.options}
                loading={officers.loading}
                data-testid="case-lead"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="协办执法人员" name="assistOfficerIds">
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={officers.options}
                loading={officers.loading}
                data-testid="case-assist"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
