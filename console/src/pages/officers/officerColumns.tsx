import { Button, Popconfirm, Space, type TableColumnsType, Tag } from 'antd';
import type { Officer } from '../../api/officers';
import { certificateState, legalLevelLabel } from './officerLabels';

export interface OfficerActions {
  compact: boolean;
  today: string;
  onOpen: (officer: Officer) => void;
  /** Absent without `officer.edit`. */
  onEdit?: (officer: Officer) => void;
  onDelete?: (officer: Officer) => void;
}

export function officerColumns({ compact, today, onOpen, onEdit, onDelete }: OfficerActions): TableColumnsType<Officer> {
  const columns: TableColumnsType<Officer> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 100,
      fixed: compact ? undefined : 'left',
      render: (name: string, officer) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => onOpen(officer)}
          data-testid={`officer-open-${officer.certificateNo}`}
        >
          {name}
        </Button>
      ),
    },
    { title: '所属单位', dataIndex: 'unitName', width: 180 },
    { title: '职务', dataIndex: 'position', width: 120 },
    {
      title: '执法类别',
      dataIndex: 'categories',
      width: 200,
      render: (categories: string[]) => (
        <Space size={[0, 4]} wrap>
          {categories.map((c) => (
            <Tag key={c}>{c}</Tag>
          ))}
        </Space>
      ),
    },
    { title: '证件号码', dataIndex: 'certificateNo', width: 140 },
    { title: '有效期', key: 'validity', width: 190, render: (_v, o) => `${o.validFrom} 至 ${o.validTo}` },
    {
      title: '状态',
      key: 'state',
      width: 90,
      render: (_v, o) => {
        const state = certificateState(o, today);
        return <Tag color={state.color}>{state.label}</Tag>;
      },
    },
    {
      title: '法律职业资格',
      key: 'legal',
      width: 130,
      render: (_v, o) =>
        o.legalQualification.level === 'none'
          ? '无'
          : `${legalLevelLabel(o.legalQualification.level)}${o.legalQualification.certificateNo ? ` ${o.legalQualification.certificateNo}` : ''}`,
    },
  ];
  if (onEdit || onDelete) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 120,
      fixed: compact ? undefined : 'right',
      render: (_v, officer) => (
        <Space size={0}>
          {onEdit && (
            <Button type="link" size="small" onClick={() => onEdit(officer)} data-testid={`officer-edit-${officer.certificateNo}`}>
              编辑
            </Button>
          )}
          {onDelete && (
            <Popconfirm
              title="删除执法人员"
              description={`确定删除 ${officer.name}?已列入清单变更或已公开的人员不能删除。`}
              okText="删除"
              cancelText="取消"
              okButtonProps={{ danger: true }}
              onConfirm={() => onDelete(officer)}
            >
              <Button type="link" size="small" danger data-testid={`officer-delete-${officer.certificateNo}`}>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }
  return columns;
}
