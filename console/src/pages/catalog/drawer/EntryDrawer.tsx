import { Alert, App, Descriptions, Divider, Drawer, Flex, Grid, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { type CatalogEntry, type CatalogKind, type CatalogVersion, getCatalogEntry } from '../../../api/catalog';
import { formatTime } from '../../../format';
import { useAsync } from '../../../hooks/useAsync';
import { KIND_META } from '../catalogKinds';
import { statusTag } from '../catalogLabels';
import { EntryFormDrawer } from '../forms/EntryFormDrawer';
import { VersionDataView } from '../views/VersionDataView';
import { VersionActions } from './VersionActions';
import { VersionHistory } from './VersionHistory';

export interface EntryDrawerProps {
  kind: CatalogKind;
  entryId: string | null;
  editable: boolean;
  /** Bumped by the page after a save, so the open entry is read again. */
  refreshKey: number;
  onClose: () => void;
  /** A version was created or published here: the list should be read again. */
  onChanged: () => void;
}

function defaultVersion(entry: CatalogEntry): string | undefined {
  return entry.currentVersionId ?? entry.draftVersionId ?? entry.versions[0]?.id;
}

function VersionNote({ version }: { version: CatalogVersion }) {
  if (version.status === 'draft') return <Alert type="warning" showIcon title="草稿:尚未公示,可修改后发布" />;
  if (version.status === 'published') {
    return (
      <Alert type="success" showIcon title={`现行版本,${formatTime(version.publishedAt)} 发布;已发布的版本不能修改,如需变更请新建版本`} />
    );
  }
  return <Alert type="info" showIcon title="历史版本(已被替代),只读" />;
}

function DrawerBody(props: EntryDrawerProps & { entryId: string }) {
  const { kind, entryId, editable, refreshKey, onChanged } = props;
  const { message } = App.useApp();
  // The draft being edited: its form opens as a drawer nested in this one (antd stacks nested drawers).
  const [editing, setEditing] = useState<CatalogVersion | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refreshKey` (bumped by the page after any change) triggers a re-read.
  const load = useCallback(() => getCatalogEntry(kind, entryId), [kind, entryId, refreshKey]);
  const entry = useAsync(load);
  // The version shown; unset (or gone) means the current version, else the draft.
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const data = entry.data;

  if (entry.error) return entry.error.status === 401 ? null : <Alert type="error" showIcon title={entry.error.message} />;
  if (!data) return <Skeleton active />;
  const selected = data.versions.find((v) => v.id === selectedId) ?? data.versions.find((v) => v.id === defaultVersion(data));
  const current = data.versions.find((v) => v.id === data.currentVersionId);
  const draft = data.versions.find((v) => v.id === data.draftVersionId);

  // The page re-reads the list and bumps `refreshKey`, which re-reads this entry too.
  const changed = (versionId: string) => {
    setSelectedId(versionId);
    onChanged();
  };

  return (
    <>
      <Descriptions
        column={{ xs: 1, sm: 3 }}
        size="small"
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'code',
            label: '编码',
            children: (
              <Typography.Text copyable data-testid="catalog-drawer-code">
                {data.code}
              </Typography.Text>
            ),
          },
          { key: 'current', label: '现行版本', children: current ? `第 ${current.versionNo} 版` : '尚未发布' },
          { key: 'draft', label: '草稿', children: draft ? `第 ${draft.versionNo} 版` : '无' },
        ]}
      />
      <VersionHistory versions={data.versions} selectedId={selected?.id} onSelect={(v) => setSelectedId(v.id)} />
      {selected && (
        <>
          <Divider titlePlacement="start">
            <Flex gap={8} align="center">
              <Typography.Text strong>{`第 ${selected.versionNo} 版`}</Typography.Text>
              <Tag color={statusTag(selected.status).color} data-testid="catalog-selected-status">
                {statusTag(selected.status).label}
              </Tag>
            </Flex>
          </Divider>
          <Flex vertical gap={12}>
            <VersionActions kind={kind} entry={data} version={selected} editable={editable} onEdit={setEditing} onChanged={changed} />
            <VersionNote version={selected} />
            <VersionDataView kind={kind} version={selected} />
            <Typography.Text type="secondary">
              {`创建于 ${formatTime(selected.createdAt)},最后修改于 ${formatTime(selected.updatedAt)}`}
            </Typography.Text>
          </Flex>
        </>
      )}
      <EntryFormDrawer
        kind={kind}
        target={editing && { mode: 'edit', entryId: data.id, code: data.code, version: editing }}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          const versionId = editing?.id;
          setEditing(null);
          message.success(`已保存 ${saved.code} 第 ${saved.versionNo} 版草稿`);
          if (versionId) changed(versionId);
        }}
      />
    </>
  );
}

/** One entry: its versions, the chosen version rendered readably, and the version actions. */
export function EntryDrawer(props: EntryDrawerProps) {
  const compact = Grid.useBreakpoint().lg === false;
  return (
    <Drawer
      open={props.entryId !== null}
      onClose={props.onClose}
      title={`${KIND_META[props.kind].label}详情`}
      size={compact ? '100%' : 760}
      destroyOnHidden
      data-testid="catalog-drawer"
    >
      {props.entryId && <DrawerBody key={props.entryId} {...props} entryId={props.entryId} />}
    </Drawer>
  );
}
