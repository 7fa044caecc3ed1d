import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Grid, Input, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { abolishItem, type InspectionItem, listItems } from '../../api/inspections';
import { ReasonModal } from '../../components/ReasonModal';
import { useAsync } from '../../hooks/useAsync';
import { useCan } from '../../session/SessionContext';
import { ItemFormDrawer } from './ItemFormDrawer';
import { ItemVersionsDrawer } from './ItemVersionsDrawer';

const small = { fontSize: 12 } as const;

interface RowActions {
  editable: boolean;
  onVersions: (item: InspectionItem) => void;
  onRevise: (item: InspectionItem) => void;
  onAbolish: (item: InspectionItem) => void;
}

const kindTag = (kind: string) => (
  <Tag color={kind === '重点检查事项' ? 'warning' : 'default'}>{kind === '重点检查事项' ? '重点' : '一般'}</Tag>
);

function itemColumns(compact: boolean, actions: RowActions): TableColumnsType<InspectionItem> {
  const wide: TableColumnsType<InspectionItem> = [
    { title: '类别', dataIndex: 'kind', width: 80, render: kindTag },
    { title: '比例', dataIndex: 'percent', width: 70, render: (p: number) => `${p}%` },
    { title: '频次', dataIndex: 'frequency', width: 130 },
    { title: '实施层级', dataIndex: 'level', width: 100 },
    { title: '实施机构', dataIndex: 'unitName', width: 150, ellipsis: true },
    { title: '版本', dataIndex: 'versionNo', width: 70, render: (v: number) => `第 ${v} 版` },
  ];
  return [
    ...(compact ? [] : [{ title: '编码', dataIndex: 'code', width: 90 }]),
    {
      title: '抽查事项',
      key: 'name',
      render: (_, i) => (
        <Flex vertical gap={2}>
          <Typography.Text data-testid="inspection-item-name">{i.name}</Typography.Text>
          <Typography.Text type="secondary" style={small}>
            {i.category} · 检查对象:{i.target}
          </Typography.Text>
          {compact && (
            <Flex wrap gap={4} align="center" style={small}>
              {i.code} {kindTag(i.kind)} 比例 {i.percent}% · 第 {i.versionNo} 版
            </Flex>
          )}
        </Flex>
      ),
    },
    ...(compact ? [] : wide),
    {
      title: '操作',
      key: 'actions',
      width: compact ? 64 : 190,
      render: (_, i) => (
        <Flex wrap vertical={compact} gap={4} align="start">
          <Button size="small" type="link" onClick={() => actions.onVersions(i)}>
            版本
          </Button>
          {actions.editable && (
            <Button size="small" type="link" onClick={() => actions.onRevise(i)} data-testid="inspection-item-revise">
              修订
            </Button>
          )}
          {actions.editable && (
            <Button size="small" type="link" danger onClick={() => actions.onAbolish(i)} data-testid="inspection-item-abolish">
              废止
            </Button>
          )}
        </Flex>
      ),
    },
  ];
}

/** 随机抽查事项清单: the current list (public from the first version); 政策法规科 adds, revises and abolishes items. */
export function ItemsPage() {
  const can = useCan();
  const { message } = App.useApp();
  const compact = Grid.useBreakpoint().md === false;
  const [q, setQ] = useState('');
  const load = useCallback(() => listItems(q || undefined), [q]);
  const items = useAsync(load);
  const [editing, setEditing] = useState<InspectionItem | 'new' | null>(null);
  const [versions, setVersions] = useState<string | null>(null);
  const [abolishing, setAbolishing] = useState<InspectionItem | null>(null);
  const editable = can('inspection.items');

  const columns = useMemo(
    () => itemColumns(compact, { editable, onVersions: (i) => setVersions(i.code), onRevise: setEditing, onAbolish: setAbolishing }),
    [compact, editable],
  );

  return (
    <Card
      title="随机抽查事项清单"
      data-testid="inspection-items-page"
      extra={
        editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="inspection-item-new">
            新增事项
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        清单列明抽查类别、事项、对象、依据、内容、方式、比例和频次,发布即在门户网站公开;修订形成新版本并保留原版本,废止的事项不再列入现行清单。
        抽查计划从现行清单中选择事项。
      </Typography.Paragraph>
      <Input.Search
        aria-label="搜索抽查事项"
        allowClear
        placeholder="按事项名称、内容或依据搜索"
        style={{ width: compact ? '100%' : 320, marginBottom: 12 }}
        onSearch={(value) => setQ(value.trim())}
      />
      {items.error && items.error.status !== 401 && (
        <Alert type="error" showIcon title={`${items.error.message}(${items.error.code})`} style={{ marginBottom: 12 }} />
      )}
      <Table<InspectionItem>
        rowKey="id"
        columns={columns}
        dataSource={items.data ?? []}
        loading={items.loading}
        size={compact ? 'small' : 'middle'}
        scroll={compact ? undefined : { x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 项` }}
        locale={{ emptyText: q ? '没有匹配的抽查事项' : '清单中还没有抽查事项' }}
        data-testid="inspection-items-table"
      />
      <ItemFormDrawer
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={(item) => {
          message.success(`已发布 ${item.code} 第 ${item.versionNo} 版`);
          setEditing(null);
          items.reload();
        }}
      />
      <ItemVersionsDrawer code={versions} onClose={() => setVersions(null)} />
      <ReasonModal
        open={abolishing !== null}
        title={`废止抽查事项 ${abolishing?.code ?? ''}`}
        label="废止理由"
        hint="废止后该事项不再列入现行清单,各版本仍可查阅;已制定的计划不受影响。"
        danger
        okText="废止"
        onCancel={() => setAbolishing(null)}
        onSubmit={async (reason) => {
          if (!abolishing) return;
          await abolishItem(abolishing.code, reason);
          message.success('已废止');
          setAbolishing(null);
          items.reload();
        }}
        testId="inspection-item-abolish-reason"
      />
    </Card>
  );
}
