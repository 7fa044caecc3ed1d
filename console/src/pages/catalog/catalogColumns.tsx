import { Button, Space, type TableColumnsType, Tag } from 'antd';
import type { CatalogKind, CatalogSummary, CatalogVersion } from '../../api/catalog';
import { formatTime } from '../../format';
import { KIND_META, summaryOf } from './catalogKinds';
import { statusTag } from './catalogLabels';

/**
 * The list shows each entry's newest version. A draft numbered above 1 means the version before it is
 * current (the server allows one draft at a time, made from the current version): 现行 + 有草稿.
 */
export function EntryStatus({ latest }: { latest: CatalogVersion }) {
  if (latest.status === 'draft' && latest.versionNo > 1) {
    return (
      <Space size={[0, 4]} wrap>
        <Tag color={statusTag('published').color}>{statusTag('published').label}</Tag>
        <Tag color="orange" variant="outlined" data-testid="catalog-has-draft">
          有草稿
        </Tag>
      </Space>
    );
  }
  const tag = statusTag(latest.status);
  return <Tag color={tag.color}>{tag.label}</Tag>;
}

export function catalogColumns(
  kind: CatalogKind,
  compact: boolean,
  onOpen: (row: CatalogSummary) => void,
): TableColumnsType<CatalogSummary> {
  const meta = KIND_META[kind];
  const columns: TableColumnsType<CatalogSummary> = [
    {
      title: '编码',
      dataIndex: 'code',
      width: 120,
      fixed: compact ? undefined : 'left',
      render: (code: string, row) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(row)} data-testid={`catalog-open-${code}`}>
          {code}
        </Button>
      ),
    },
    {
      title: meta.nameLabel,
      key: 'name',
      ellipsis: true,
      render: (_v, row) => summaryOf(row.latestVersion.data).name,
    },
    {
      title: meta.categoryLabel,
      key: 'category',
      width: 110,
      ellipsis: true,
      render: (_v, row) => summaryOf(row.latestVersion.data).category,
    },
  ];
  if (meta.hasItemFilter) {
    columns.push({
      title: '执法事项',
      key: 'itemCode',
      width: 120,
      render: (_v, row) => summaryOf(row.latestVersion.data).itemCode || '—',
    });
  }
  columns.push(
    { title: '单位', key: 'unit', width: 140, ellipsis: true, render: (_v, row) => row.latestVersion.unitName },
    {
      title: '版本',
      key: 'version',
      width: 76,
      render: (_v, row) => `第 ${row.latestVersion.versionNo} 版`,
    },
    { title: '状态', key: 'status', width: 120, render: (_v, row) => <EntryStatus latest={row.latestVersion} /> },
    { title: '更新时间', key: 'updatedAt', width: 150, render: (_v, row) => formatTime(row.latestVersion.updatedAt).slice(0, 16) },
  );
  return columns;
}
