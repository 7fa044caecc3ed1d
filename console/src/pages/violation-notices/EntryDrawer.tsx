import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  type EntryInput,
  type EntryView,
  excludeEntry,
  includeEntry,
  removeEntry,
  saveEntry,
} from '../../api/violation-notices';
import { ReasonModal } from '../../components/ReasonModal';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { routes } from '../../router';
import { useCan } from '../../session/SessionContext';

const CATEGORY_OPTIONS = CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));

const FIELDS: readonly { name: keyof Omit<EntryInput, 'category'>; label: string; rows?: number; max: number }[] = [
  { name: 'subjectName', label: '违法主体全称', max: 200 },
  { name: 'creditCode', label: '统一社会信用代码(或注册号)', max: 32 },
  { name: 'address', label: '地址', max: 300 },
  { name: 'responsiblePerson', label: '法定代表人或负责人姓名', max: 50 },
  { name: 'facts', label: '主要违法事实', rows: 4, max: 2000 },
  { name: 'handling', label: '相关处理情况', rows: 3, max: 2000 },
];

const inputOf = (e: EntryView): EntryInput => ({
  category: e.category,
  subjectName: e.subjectName,
  creditCode: e.creditCode,
  address: e.address,
  responsiblePerson: e.responsiblePerson,
  facts: e.facts,
  handling: e.handling,
});

export interface EntryDrawerProps {
  entry: EntryView | null;
  onClose: () => void;
  onChanged: (updated: EntryView) => void;
}

/** One entry: the category and the public fields, saved, confirmed or excluded; once published only removed. */
export function EntryDrawer({ entry, onClose, onChanged }: EntryDrawerProps) {
  const can = useCan();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<EntryInput>();
  const [busy, setBusy] = useState<'save' | 'include' | null>(null);
  const [reason, setReason] = useState<'exclude' | 'remove' | null>(null);

  useEffect(() => {
    if (entry) form.setFieldsValue(inputOf(entry));
  }, [entry, form]);

  if (!entry) return <Drawer open={false} />;
  const editable = entry.editable && can('violation_notice.edit');
  const confirmable = entry.editable && can('violation_notice.confirm');
  const removable = entry.state !== 'removed' && entry.batch?.state === 'published' && can('violation_notice.remove');

  const run = async (what: 'save' | 'include') => {
    setBusy(what);
    try {
      const values = { ...inputOf(entry), ...form.getFieldsValue(), category: form.getFieldValue('category') ?? null };
      const updated = what === 'save' ? await saveEntry(entry.id, values) : await includeEntry(entry.id, values);
      message.success(what === 'save' ? '已保存' : '已确认纳入公布名单');
      onChanged(updated);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Drawer open title={`公布事项 · ${entry.caseNo}`} size="large" onClose={onClose} destroyOnHidden data-testid="notice-drawer">
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="案件">
          <a href={`${routes.cases}?id=${encodeURIComponent(entry.caseId)}`} target="_blank" rel="noopener noreferrer">
            {entry.caseNo}
          </a>
        </Descriptions.Item>
        <Descriptions.Item label="处理决定日期">
          {entry.decidedOn}(列入 {entry.year} 年第 {entry.quarter} 季度名单)
        </Descriptions.Item>
        {entry.excludedReason && <Descriptions.Item label="不予纳入理由">{entry.excludedReason}</Descriptions.Item>}
        {entry.removedReason && <Descriptions.Item label="撤下理由">{entry.removedReason}</Descriptions.Item>}
      </Descriptions>
      {!entry.editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={entry.state === 'removed' ? '该事项已撤下' : '所在名单已公布,内容不能修改'}
        />
      )}
      <Form form={form} layout="vertical" disabled={!editable}>
        <Form.Item label="违法行为类别(第29号令第五条)" name="category">
          <Select allowClear options={CATEGORY_OPTIONS} placeholder="请选择" data-testid="notice-category" />
        </Form.Item>
        {FIELDS.map((f) => (
          <Form.Item key={f.name} label={f.label} name={f.name}>
            {f.rows ? <Input.TextArea autoSize={{ minRows: f.rows }} maxLength={f.max} showCount /> : <Input maxLength={f.max} />}
          </Form.Item>
        ))}
      </Form>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="公布内容不得含有劳动者等自然人的姓名、身份证号码、联系方式,以及国家秘密、商业秘密;法定代表人或负责人姓名依规定公布。"
      />
      <Flex wrap gap={8}>
        {editable && (
          <Button loading={busy === 'save'} onClick={() => void run('save')} data-testid="notice-save">
            保存
          </Button>
        )}
        {confirmable && (
          <Button type="primary" loading={busy === 'include'} onClick={() => void run('include')} data-testid="notice-include">
            确认纳入
          </Button>
        )}
        {confirmable && entry.state !== 'excluded' && (
          <Button danger onClick={() => setReason('exclude')} data-testid="notice-exclude">
            不予纳入
          </Button>
        )}
        {removable && (
          <Button danger onClick={() => setReason('remove')} data-testid="notice-remove">
            撤下
          </Button>
        )}
      </Flex>
      <ReasonModal
        open={reason !== null}
        title={reason === 'remove' ? '撤下已公布的事项' : '不予纳入公布名单'}
        label={reason === 'remove' ? '撤下理由' : '不予纳入理由'}
        hint={
          reason === 'remove'
            ? '门户网站保留该项的序号、违法主体名称和撤下理由'
            : '第29号令规定的重大违法行为应当公布,不予纳入须写明不属于该情形的理由'
        }
        okText={reason === 'remove' ? '撤下' : '不予纳入'}
        onCancel={() => setReason(null)}
        onSubmit={async (text) => {
          const updated = reason === 'remove' ? await removeEntry(entry.id, text) : await excludeEntry(entry.id, text);
          setReason(null);
          onChanged(updated);
        }}
        testId="notice-reason"
      />
    </Drawer>
  );
}
