import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { Unit } from '../../api/types';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { UNIT_KIND_COLORS, UNIT_KIND_LABELS } from '../../labels/unitKinds';
import { useCan } from '../../session/SessionContext';
import { useUnits } from '../../session/UnitsContext';
import { buildUnitTree, type UnitTreeNode } from '../../units/unitTree';
import { UnitFormModal, type UnitFormMode } from './UnitFormModal';

interface UnitRow extends Unit {
  children?: UnitRow[];
}

/** antd draws an expand arrow for any `children` array, so leaves must not have one. */
function toRow(node: UnitTreeNode): UnitRow {
  return node.children.length > 0 ? { ...node.unit, children: node.children.map(toRow) } : { ...node.unit };
}

export function UnitsPage() {
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const can = useCan();
  const { units, loading, reload } = useUnits();
  const [mode, setMode] = useState<UnitFormMode | null>(null);
  const rows = useMemo(() => buildUnitTree(units).map(toRow), [units]);

  const columns: TableColumnsType<UnitRow> = [
    { title: '机构名称', dataIndex: 'name' },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 110,
      render: (kind: Unit['kind']) => <Tag color={UNIT_KIND_COLORS[kind]}>{UNIT_KIND_LABELS[kind]}</Tag>,
    },
    { title: '排序号', dataIndex: 'sortOrder', width: 90 },
    {
      title: '操作',
      key: 'actions',
      width: 180,
      render: (_value, unit) => (
        <Space size={0}>
          {can('unit.create') && (
            <Button type="link" size="small" onClick={() => setMode({ kind: 'create', parentId: unit.id })}>
              新增下级
            </Button>
          )}
          {can('unit.update') && (
            <Button type="link" size="small" onClick={() => setMode({ kind: 'edit', unit })} data-testid={`unit-edit-${unit.id}`}>
              修改
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="机构管理"
      extra={
        can('unit.create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode({ kind: 'create' })} data-testid="unit-create">
            新增机构
          </Button>
        )
      }
    >
      <Table<UnitRow>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: 640 }}
        // Remount when the set of units changes so newly added branches are expanded too.
        key={units.length}
        expandable={{ defaultExpandAllRows: true }}
        data-testid="units-table"
      />
      <UnitFormModal
        mode={mode}
        onClose={() => setMode(null)}
        onError={showError}
        onSaved={(unit) => {
          setMode(null);
          message.success(`已保存机构「${unit.name}」`);
          void reload();
        }}
      />
    </Card>
  );
}
