import { Alert, App, Button, Form, Grid, Input, Modal, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { listNumberPrefixes, type NumberPrefix, setNumberPrefix } from '../../api/documentSettings';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { useUnitDepths } from './useUnitDepths';

/** Characters a prefix may not hold (the server checks the same): whitespace, brackets and 号. */
const BAD_PREFIX = /[\s〔〕[\]()（）号]/u;

const example = (prefix: string) => `${prefix}罚〔${new Date().getFullYear()}〕1号`;

function PrefixModal({
  target,
  onClose,
  onSaved,
}: {
  target: NumberPrefix | null;
  onClose: () => void;
  onSaved: (p: NumberPrefix) => void;
}) {
  const [form] = Form.useForm<{ prefix: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const prefix = Form.useWatch('prefix', form);

  const submit = async ({ prefix: value }: { prefix: string }) => {
    if (!target) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await setNumberPrefix(target.unitId, value.trim()));
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) setError(err instanceof Error ? err.message : '保存失败,请稍后重试');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={`设置文号前缀:${target?.unitName ?? ''}`}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ 'data-testid': 'prefix-save' }}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(open) => {
        if (!open) setError(null);
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ prefix: target?.prefix ?? '' }} onFinish={submit}>
        <Form.Item
          name="prefix"
          label="文号前缀"
          extra={`文号示例:${example(prefix?.trim() || target?.effectivePrefix || '前缀')}。修改只影响以后签发的文书。`}
          rules={[
            { required: true, whitespace: true, message: '请填写文号前缀' },
            { max: 20, message: '不超过 20 个字符' },
            {
              validator: async (_rule, value: string | undefined) => {
                if (value && BAD_PREFIX.test(value.trim())) throw new Error('不能含空格、括号和“号”字');
              },
            },
          ]}
        >
          <Input placeholder="如 石人社监" maxLength={20} autoFocus data-testid="prefix-input" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="prefix-error" />}
    </Modal>
  );
}

/** 文号前缀: every unit with the prefix its 文号 start with; the administrator sets them. */
export function PrefixSection({ editable }: { editable: boolean }) {
  const { message } = App.useApp();
  const compact = Grid.useBreakpoint().md === false;
  const list = useAsync(listNumberPrefixes);
  const depthOf = useUnitDepths();
  const [editing, setEditing] = useState<NumberPrefix | null>(null);

  const columns = useMemo(() => {
    const all: TableColumnsType<NumberPrefix> = [
      {
        title: '单位',
        dataIndex: 'unitName',
        render: (name: string, row) => <span style={{ paddingLeft: depthOf(row.unitId) * 16 }}>{name}</span>,
      },
      {
        title: '文号前缀',
        dataIndex: 'prefix',
        render: (prefix: string | null, row) =>
          prefix ?? (
            <Typography.Text type="secondary" title="未设置前缀时用单位名称">
              未设置(用“{row.unitName}”)
            </Typography.Text>
          ),
      },
      { title: '文号示例', key: 'example', render: (_v, row) => example(row.effectivePrefix) },
      { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt', width: 170, render: (t: string | null) => formatTime(t) },
    ];
    const shown = compact ? all.filter((c) => c.key !== 'example' && c.key !== 'updatedAt') : all;
    if (!editable) return shown;
    return [
      ...shown,
      {
        title: '操作',
        key: 'actions',
        width: 80,
        render: (_v: unknown, row: NumberPrefix) => (
          <Button type="link" size="small" onClick={() => setEditing(row)} data-testid={`prefix-edit-${row.unitId}`}>
            设置
          </Button>
        ),
      },
    ];
  }, [compact, editable, depthOf]);

  return (
    <>
      <Typography.Paragraph type="secondary">
        文号为“前缀 + 文书简称〔年份〕序号号”,如 {example('石人社监')}
        。每个签发单位各自编号,请为每个签发单位设置不同的前缀;未设置时用单位名称。
        {editable ? '' : '前缀由系统管理员设置。'}
      </Typography.Paragraph>
      {list.error && list.error.status !== 401 && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <Table<NumberPrefix>
        rowKey="unitId"
        size="small"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.loading}
        pagination={false}
        data-testid="prefix-table"
        locale={{ emptyText: '暂无单位' }}
      />
      <PrefixModal
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          message.success(`已将“${saved.unitName}”的文号前缀设为“${saved.prefix ?? saved.effectivePrefix}”`);
          list.reload();
        }}
      />
    </>
  );
}
