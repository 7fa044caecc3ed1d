import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, InputNumber, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { getSheet, type SheetInput, type SheetItemView, type SheetView, saveSheet } from '../../api/evaluations';
import { apiErrorText, type ErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { useCan } from '../../session/SessionContext';

type EditItem = SheetInput['items'][number] & { key: number };

const viewColumns: TableColumnsType<SheetItemView> = [
  { title: '代码', dataIndex: 'code', width: 110 },
  { title: '评查项目', dataIndex: 'title', width: 200 },
  { title: '分值', dataIndex: 'points', width: 70 },
  { title: '评查要点', dataIndex: 'criteria' },
  { title: '自动检查', key: 'check', width: 170, render: (_, i) => (i.checkLabel ? <Tag color="blue">{i.checkLabel}</Tag> : '—') },
];

/** The editor: every field of every item, the running total, and the reason for the new version. */
function SheetEditor({ sheet, onSaved, onCancel }: { sheet: SheetView; onSaved: () => void; onCancel: () => void }) {
  const { message } = App.useApp();
  const [items, setItems] = useState<EditItem[]>(() =>
    sheet.items.map((i, key) => ({ key, code: i.code, title: i.title, points: i.points, criteria: i.criteria, check: i.check })),
  );
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const total = items.reduce((sum, i) => sum + (i.points || 0), 0);
  const change = (key: number, patch: Partial<EditItem>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const checkOptions = [{ value: '', label: '无' }, ...sheet.checks.map((c) => ({ value: c.code, label: c.label }))];

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = await saveSheet({ items: items.map(({ key: _key, ...i }) => i), note });
      message.success(`评查标准第 ${saved.version} 版已保存`);
      onSaved();
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<EditItem> = [
    {
      title: '代码',
      key: 'code',
      width: 130,
      render: (_, i) => <Input value={i.code} maxLength={32} onChange={(e) => change(i.key, { code: e.target.value })} />,
    },
    {
      title: '评查项目',
      key: 'title',
      width: 200,
      render: (_, i) => <Input value={i.title} maxLength={60} onChange={(e) => change(i.key, { title: e.target.value })} />,
    },
    {
      title: '分值',
      key: 'points',
      width: 90,
      render: (_, i) => (
        <InputNumber value={i.points} min={1} max={100} precision={0} onChange={(v) => change(i.key, { points: v ?? 0 })} />
      ),
    },
    {
      title: '评查要点',
      key: 'criteria',
      render: (_, i) => (
        <Input.TextArea
          value={i.criteria}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={1000}
          onChange={(e) => change(i.key, { criteria: e.target.value })}
        />
      ),
    },
    {
      title: '自动检查',
      key: 'check',
      width: 190,
      render: (_, i) => (
        <Select
          style={{ width: '100%' }}
          value={i.check ?? ''}
          options={checkOptions}
          onChange={(v: string) => change(i.key, { check: v === '' ? null : v })}
        />
      ),
    },
    {
      title: '',
      key: 'remove',
      width: 48,
      render: (_, i) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label="删除该项"
          onClick={() => setItems((list) => list.filter((x) => x.key !== i.key))}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Table<EditItem>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={false}
        scroll={{ x: 960 }}
        data-testid="sheet-editor"
      />
      <Flex justify="space-between" align="center">
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setItems((list) => [
              ...list,
              { key: Math.max(0, ...list.map((i) => i.key)) + 1, code: '', title: '', points: 1, criteria: '', check: null },
            ])
          }
        >
          添加项目
        </Button>
        <Typography.Text type={total === 100 ? 'success' : 'danger'} data-testid="sheet-total">
          合计 {total} 分(应为 100 分)
        </Typography.Text>
      </Flex>
      <Input.TextArea
        placeholder="修订说明(必填),如:依据省司法厅 2026 年评查标准调整分值"
        value={note}
        maxLength={500}
        onChange={(e) => setNote(e.target.value)}
        data-testid="sheet-note"
      />
      <ErrorAlert error={error} testId="sheet-save-error" />
      <Flex gap={8} justify="end">
        <Button onClick={onCancel}>取消</Button>
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="sheet-save">
          保存为新版本
        </Button>
      </Flex>
    </Flex>
  );
}

/** 评查标准: the version in force and the history; 法规科 saves a new version (rounds already started keep theirs). */
export function SheetTab() {
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` reloads after a new version is saved.
  const load = useCallback(() => getSheet(), [generation]);
  const sheet = useAsync(load);
  const s = sheet.data;
  return (
    <Flex vertical gap={12}>
      <ErrorAlert error={sheet.error ? apiErrorText(sheet.error) : null} testId="sheet-error" />
      {s && (
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text data-testid="sheet-version">
            现行标准:{s.version === 0 ? '系统默认标准' : `第 ${s.version} 版(${s.createdByName ?? ''} · ${formatTime(s.createdAt)})`},合计{' '}
            {s.total} 分。{s.note}
          </Typography.Text>
          {can('archive.evaluation_sheet') && !editing && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="sheet-edit">
              修订评查标准
            </Button>
          )}
        </Flex>
      )}
      {s && editing ? (
        <SheetEditor
          sheet={s}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setGeneration((g) => g + 1);
          }}
        />
      ) : (
        <Table<SheetItemView>
          rowKey="code"
          size="small"
          columns={viewColumns}
          dataSource={s?.items ?? []}
          loading={sheet.loading}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="sheet-table"
        />
      )}
      {s && s.versions.length > 0 && (
        <>
          <Typography.Title level={5}>历次版本</Typography.Title>
          <Table
            rowKey="version"
            size="small"
            pagination={false}
            dataSource={s.versions}
            columns={[
              { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第 ${v} 版` },
              { title: '修订说明', dataIndex: 'note' },
              { title: '修订人', dataIndex: 'createdByName', width: 120 },
              { title: '时间', dataIndex: 'createdAt', width: 180, render: (t: string) => formatTime(t) },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
