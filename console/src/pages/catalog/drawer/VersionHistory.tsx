import { Button, Table, Tag } from 'antd';
import type { CatalogVersion } from '../../../api/catalog';
import { formatTime } from '../../../format';
import { statusTag } from '../catalogLabels';

export interface VersionHistoryProps {
  versions: readonly CatalogVersion[];
  selectedId: string | undefined;
  onSelect: (version: CatalogVersion) => void;
}

/** Every version, newest first; 查看 shows one below (superseded ones read-only). */
export function VersionHistory({ versions, selectedId, onSelect }: VersionHistoryProps) {
  return (
    <Table<CatalogVersion>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...versions]}
      data-testid="catalog-versions"
      scroll={{ x: 520 }}
      onRow={(v) => ({
        onClick: () => onSelect(v),
        style: { cursor: 'pointer', background: v.id === selectedId ? 'rgba(22, 119, 255, 0.06)' : undefined },
      })}
      columns={[
        { title: '版本', dataIndex: 'versionNo', width: 80, render: (n: number) => `第 ${n} 版` },
        {
          title: '状态',
          dataIndex: 'status',
          width: 96,
          render: (status: string) => {
            const tag = statusTag(status);
            return <Tag color={tag.color}>{tag.label}</Tag>;
          },
        },
        {
          title: '时间',
          key: 'time',
          render: (_v, v) => (v.publishedAt ? `发布于 ${formatTime(v.publishedAt)}` : `修改于 ${formatTime(v.updatedAt)}`),
        },
        {
          title: '',
          key: 'view',
          width: 72,
          render: (_v, v) =>
            v.id === selectedId ? (
              <Tag color="blue">查看中</Tag>
            ) : (
              <Button type="link" size="small" style={{ padding: 0 }} data-testid={`catalog-version-${v.versionNo}`}>
                查看
              </Button>
            ),
        },
      ]}
    />
  );
}
