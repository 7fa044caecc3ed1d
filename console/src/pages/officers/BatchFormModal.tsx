import { Form, Input, Modal } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type Batch, type BatchInput, createBatch, listPublicRoster, type Officer, updateBatch } from '../../api/officers';
import { OfficerMultiSelect, type OfficerOption } from './OfficerMultiSelect';

interface BatchFormValues {
  title: string;
  note?: string;
  upserts: string[];
  removals: string[];
}

export interface BatchFormModalProps {
  /** `null` closed, `'new'` 新建, otherwise a draft or returned batch being edited. */
  target: Batch | 'new' | null;
  onClose: () => void;
  onSaved: (batch: Batch) => void;
  onError: (error: unknown) => void;
}

/** Certificate numbers on the current public roster (the roster API pages by at most 100). */
async function publishedCertificates(): Promise<Set<string>> {
  const found = new Set<string>();
  for (let page = 1; page <= 20; page += 1) {
    const result = await listPublicRoster({ page, pageSize: 100 });
    for (const row of result.items) found.add(row.certificateNo);
    if (page * 100 >= result.total) break;
  }
  return found;
}

function known(batch: Batch | 'new' | null, action: string): OfficerOption[] {
  if (!batch || batch === 'new') return [];
  return batch.items.filter((i) => i.action === action).map((i) => ({ value: i.officerId, label: `${i.officerName}(${i.certificateNo})` }));
}

/** 起草/修改清单变更: officers to add or update on the public roster, and published officers to take off it. */
export function BatchFormModal({ target, onClose, onSaved, onError }: BatchFormModalProps) {
  const [form] = Form.useForm<BatchFormValues>();
  const [submitting, setSubmitting] = useState(false);
  const [published, setPublished] = useState<Set<string> | null>(null);
  const open = target !== null;

  useEffect(() => {
    if (!open) return;
    publishedCertificates().then(setPublished, () => setPublished(new Set()));
  }, [open]);
  const isPublished = useCallback((o: Officer) => published?.has(o.certificateNo) ?? false, [published]);

  const submit = async (values: BatchFormValues) => {
    if (target === null) return;
    const upserts = values.upserts ?? [];
    const removals = (values.removals ?? []).filter((id) => !upserts.includes(id));
    const input: BatchInput = {
      title: values.title.trim(),
      note: values.note?.trim() || null,
      items: [
        ...upserts.map((officerId) => ({ officerId, action: 'upsert' as const })),
        ...removals.map((officerId) => ({ officerId, action: 'remove' as const })),
      ],
    };
    setSubmitting(true);
    try {
      onSaved(target === 'new' ? await createBatch(input) : await updateBatch(target.id, input));
    } catch (err) {
      onError(err);
    } finally {
      setSubmitting(false);
    }
  };

  const initial: Partial<BatchFormValues> =
    target && target !== 'new'
      ? {
          title: target.title,
          note: target.note ?? undefined,
          upserts: known(target, 'upsert').map((o) => o.value),
          removals: known(target, 'remove').map((o) => o.value),
        }
      : { upserts: [], removals: [] };

  return (
    <Modal
      open={open}
      title={target === 'new' ? '起草清单变更' : target ? `修改清单变更:${target.title}` : ''}
      okText="保存"
      cancelText="取消"
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'batch-form-submit' }}
      width={640}
      destroyOnHidden
    >
      {target && (
        <Form<BatchFormValues> form={form} name="batch" layout="vertical" onFinish={submit} initialValues={initial}>
          <Form.Item label="批次名称" name="title" rules={[{ required: true, whitespace: true, message: '请输入批次名称' }]}>
            <Input maxLength={100} placeholder="如:2026 年第 1 批执法人员清单调整" data-testid="batch-title" />
          </Form.Item>
          <Form.Item label="说明" name="note">
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
          <Form.Item label="新增或更新到公开清单" name="upserts" extra="报送时冻结所选人员当时的信息,司法局确认后公开">
            <OfficerMultiSelect known={known(target, 'upsert')} placeholder="搜索姓名或证件号码" testId="batch-upserts" />
          </Form.Item>
          <Form.Item label="移出公开清单" name="removals" extra="只能选择现行公开清单中的人员">
            <OfficerMultiSelect
              known={known(target, 'remove')}
              accept={isPublished}
              placeholder={published ? '搜索已公开的人员' : '正在读取公开清单…'}
              testId="batch-removals"
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
