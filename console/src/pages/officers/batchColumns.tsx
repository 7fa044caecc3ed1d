import { Button, type TableColumnsType, Tag } from 'antd';
import type { Batch } from '../../api/officers';
import { formatTime } from '../../format';
import { batchStatusTag } from './officerLabels';

export function batchColumns(onOpen: (batch: Batch) => void): TableColumnsType<Batch> {
  return [
    {
      title: '批次名称',
      dataIndex: 'title',
      width: 220,
      render: (title: string, batch) => (
        <Button type="link" size="small" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onOpen(batch)}>
          {title}
        </Button>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (status: string) => {
        const tag = batchStatusTag(status);
        return <Tag color={tag.color}>{tag.label}</Tag>;
      },
    },
    { title: '变更人数', key: 'count', width: 90, render: (_v, b) => b.items.length },
    { title: '报送时间', dataIndex: 'submittedAt', width: 170, render: (iso: string | null) => formatTime(iso) },
    { title: '处理时间', dataIndex: 'decidedAt', width: 170, render: (iso: string | null) => formatTime(iso) },
    { title: '公开版本', dataIndex: 'version', width: 90, render: (v: number | null) => (v === null ? '—' : `第 ${v} 版`) },
    { title: '发布期限', dataIndex: 'publishDeadline', width: 110, render: (d: string | null) => d ?? '—' },
  ];
}
