import { Alert, Button, Drawer, Flex, Form, Grid, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import {
  type CatalogData,
  type CatalogKind,
  type CatalogVersion,
  createCatalogEntry,
  type KindDataMap,
  updateCatalogDraft,
} from '../../../api/catalog';
import { ApiError } from '../../../api/client';
import { emptyData, formToData } from '../catalogData';
import { KIND_META } from '../catalogKinds';
import { KindFormFields } from './KindFormFields';
import { codeRules } from './rules';

/** `create`: a new entry (code and draft version 1); `edit`: the entry's open draft. */
export type EntryFormTarget = { mode: 'create' } | { mode: 'edit'; entryId: string; code: string; version: CatalogVersion };

export interface EntryFormDrawerProps {
  kind: CatalogKind;
  target: EntryFormTarget | null;
  onClose: () => void;
  onSaved: (saved: { entryId: string; code: string; versionNo: number; created: boolean }) => void;
}

/** Top-level blanks become "no value", so that selects show their placeholder instead of an empty choice. */
function initialValues(data: CatalogData): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== ''));
}

function save<K extends CatalogKind>(kind: K, target: EntryFormTarget, code: string, data: KindDataMap[K]) {
  if (target.mode === 'create') {
    return createCatalogEntry(kind, code.trim(), data).then((e) => ({ entryId: e.id, code: e.code, versionNo: 1, created: true }));
  }
  return updateCatalogDraft(kind, target.entryId, target.version.id, data).then((v) => ({
    entryId: target.entryId,
    code: target.code,
    versionNo: v.versionNo,
    created: false,
  }));
}

function FormBody({ kind, target, onClose, onSaved }: EntryFormDrawerProps & { target: EntryFormTarget }) {
  const [form] = Form.useForm();
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const data = target.mode === 'create' ? emptyData(kind) : target.version.data;

  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    setFormError(null);
    try {
      const code = typeof values.code === 'string' ? values.code : '';
      onSaved(await save(kind, target, code, formToData(kind, values)));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      const message = error instanceof ApiError ? error.message : '保存失败,请稍后重试';
      setFormError(message);
      if (error instanceof ApiError && error.code === 'code_taken') form.setFields([{ name: 'code', errors: [message] }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical style={{ height: '100%' }}>
      <div style={{ flex: 1, overflow: 'auto', padding: 24 }}>
        <Form
          form={form}
          name={`catalog-${kind}`}
          layout="vertical"
          initialValues={initialValues(data)}
          onFinish={submit}
          onFinishFailed={() => setFormError('表单中有未填写或填写有误的内容,请按提示修改')}
          onValuesChange={() => {
            setDirty(true);
            setFormError(null);
          }}
          scrollToFirstError={{ behavior: 'smooth', block: 'center' }}
          data-testid="catalog-form"
        >
          {target.mode === 'create' && (
            <Form.Item label="编码" name="code" rules={codeRules} extra={`全清单唯一,创建后不能修改,如 ${KIND_META[kind].codeExample}`}>
              <Input maxLength={32} data-testid="catalog-field-code" />
            </Form.Item>
          )}
          <KindFormFields kind={kind} />
        </Form>
      </div>
      <div style={{ borderTop: '1px solid rgba(5, 5, 5, 0.06)', padding: '12px 24px' }}>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} data-testid="catalog-form-error" />}
        <Flex justify="end" gap={8}>
          <Popconfirm
            title="放弃未保存的修改?"
            okText="放弃"
            cancelText="继续编辑"
            okButtonProps={{ danger: true }}
            disabled={!dirty}
            onConfirm={onClose}
          >
            <Button onClick={dirty ? undefined : onClose} data-testid="catalog-cancel">
              取消
            </Button>
          </Popconfirm>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="catalog-save">
            {target.mode === 'create' ? '保存为草稿' : '保存草稿'}
          </Button>
        </Flex>
      </div>
    </Flex>
  );
}

/** The kind's form in a wide drawer (full width below lg); the server's message (or the form's) is shown above 保存. */
export function EntryFormDrawer(props: EntryFormDrawerProps) {
  // Narrower than the form (below lg): full width.
  const compact = Grid.useBreakpoint().lg === false;
  const { kind, target } = props;
  const label = KIND_META[kind].label;
  const title =
    target === null ? '' : target.mode === 'create' ? `新建${label}` : `编辑${label}草稿:${target.code}(第 ${target.version.versionNo} 版)`;
  return (
    <Drawer
      open={target !== null}
      title={title}
      size={compact ? '100%' : 880}
      onClose={props.onClose}
      mask={{ closable: false }}
      closable={false}
      keyboard={false}
      destroyOnHidden
      styles={{ body: { padding: 0 } }}
    >
      {target && <FormBody {...props} target={target} />}
    </Drawer>
  );
}
