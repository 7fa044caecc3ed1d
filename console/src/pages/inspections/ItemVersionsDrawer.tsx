import { Alert, Collapse, Descriptions, Drawer, Grid, Spin, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { type InspectionItem, itemVersions } from '../../api/inspections';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';

function VersionView({ item }: { item: InspectionItem }) {
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      styles={{ label: { width: 120 } }}
      items={[
        { key: 'category', label: '抽查类别', children: item.category },
        { key: 'name', label: '抽查事项', children: item.name },
        { key: 'target', label: '检查对象', children: item.target },
        { key: 'kind', label: '事项类别', children: item.kind },
        { key: 'basis', label: '检查依据', children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{item.basis}</Typography.Text> },
        {
          key: 'content',
          label: '抽查内容',
          children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{item.content}</Typography.Text>,
        },
        { key: 'method', label: '检查方式', children: item.method },
        { key: 'percent', label: '抽查比例', children: `${item.percent}%` },
        { key: 'frequency', label: '抽查频次', children: item.frequency },
        { key: 'level', label: '实施层级', children: item.level },
        { key: 'unit', label: '实施机构', children: item.unitName },
        { key: 'field', label: '执法类别', children: item.field },
        { key: 'note', label: '修订理由', children: item.changeNote ?? '(首次公开)' },
        { key: 'published', label: '公开时间', children: formatTime(item.publishedAt) },
      ]}
    />
  );
}

/** An item's versions, newest first; each opens to its full text. */
export function ItemVersionsDrawer({ code, onClose }: { code: string | null; onClose: () => void }) {
  const compact = Grid.useBreakpoint().md === false;
  const load = useCallback(() => (code ? itemVersions(code) : Promise.resolve([])), [code]);
  const versions = useAsync(load);
  const list = versions.data ?? [];

  return (
    <Drawer
      open={code !== null}
      title={`抽查事项版本 · ${code ?? ''}`}
      size={compact ? '100%' : 680}
      onClose={onClose}
      destroyOnHidden
      data-testid="inspection-item-versions"
    >
      {versions.error && versions.error.status !== 401 && <Alert type="error" showIcon title={versions.error.message} />}
      <Spin spinning={versions.loading}>
        {list.length > 0 && !list[0]?.current && (
          <Alert type="warning" showIcon title="该抽查事项已废止,不在现行清单中" style={{ marginBottom: 12 }} />
        )}
        <Collapse
          defaultActiveKey={list[0] ? [list[0].id] : []}
          key={list[0]?.id ?? 'empty'}
          items={list.map((v) => ({
            key: v.id,
            label: (
              <span>
                第 {v.versionNo} 版 · {formatTime(v.publishedAt)} {v.current && <Tag color="success">现行</Tag>}
              </span>
            ),
            children: <VersionView item={v} />,
          }))}
        />
      </Spin>
    </Drawer>
  );
}
