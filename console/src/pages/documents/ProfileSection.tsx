import { Alert, App, Button, Flex, Grid, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { listUnitProfiles, type ProfilePart, type UnitProfileListItem } from '../../api/documentSettings';
import { useAsync } from '../../hooks/useAsync';
import { ProfileDrawer, type ProfileTarget } from './ProfileDrawer';
import { SourceTag } from './ProfilePartFields';
import { PART_LABELS, PARTS, partSummary } from './profileForm';
import { useUnitDepths } from './useUnitDepths';

/** A part of a row: where it comes from and, below, what it says (read from the source unit's own profile). */
function PartCell({ row, part, byId }: { row: UnitProfileListItem; part: ProfilePart; byId: Map<string, UnitProfileListItem> }) {
  const source = row.sources[part];
  const summary = source ? partSummary(byId.get(source.unitId)?.profile, part) : '';
  return (
    <div style={{ minWidth: 0 }}>
      <SourceTag source={source} unitId={row.unitId} />
      {summary && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis={{ tooltip: summary }}>
          {summary}
        </Typography.Text>
      )}
    </div>
  );
}

/** On phones: one line per part, e.g. 联系方式:沿用上级 (the drawer shows the values). */
function ShortSource({ row, part }: { row: UnitProfileListItem; part: ProfilePart }) {
  const source = row.sources[part];
  const [text, type] = !source
    ? (['未设置', 'warning'] as const)
    : source.unitId === row.unitId
      ? (['本单位', 'success'] as const)
      : (['沿用上级', 'secondary'] as const);
  return (
    <Typography.Text style={{ fontSize: 12 }} title={source ? source.unitName : undefined}>
      {PART_LABELS[part]}:
      <Typography.Text type={type} style={{ fontSize: 12 }}>
        {text}
      </Typography.Text>
    </Typography.Text>
  );
}

/** 文书固定信息: per unit, where each part of what its documents print comes from; the drawer edits (or shows) one unit. */
export function ProfileSection({ editable }: { editable: boolean }) {
  const { message } = App.useApp();
  const compact = Grid.useBreakpoint().md === false;
  const list = useAsync(listUnitProfiles);
  const depthOf = useUnitDepths();
  const [open, setOpen] = useState<ProfileTarget | null>(null);
  const byId = useMemo(() => new Map((list.data ?? []).map((r) => [r.unitId, r])), [list.data]);

  const columns = useMemo(() => {
    const unit: TableColumnsType<UnitProfileListItem>[number] = {
      title: '单位',
      dataIndex: 'unitName',
      width: compact ? 110 : 200,
      render: (name: string, row) => <span style={{ paddingLeft: depthOf(row.unitId) * (compact ? 8 : 16) }}>{name}</span>,
    };
    const parts: TableColumnsType<UnitProfileListItem> = compact
      ? [
          {
            title: '固定信息',
            key: 'parts',
            render: (_v, row) => (
              <Flex vertical gap={2}>
                {PARTS.map((part) => (
                  <ShortSource key={part} part={part} row={row} />
                ))}
              </Flex>
            ),
          },
        ]
      : PARTS.map((part) => ({ title: PART_LABELS[part], key: part, render: (_v, row) => <PartCell row={row} part={part} byId={byId} /> }));
    const actions: TableColumnsType<UnitProfileListItem>[number] = {
      title: '操作',
      key: 'actions',
      width: 70,
      render: (_v, row) => (
        <Button
          type="link"
          size="small"
          onClick={() => setOpen({ unitId: row.unitId, unitName: row.unitName, parentId: row.parentId })}
          data-testid={`profile-open-${row.unitId}`}
        >
          {editable ? '设置' : '查看'}
        </Button>
      ),
    };
    return [unit, ...parts, actions];
  }, [compact, editable, depthOf, byId]);

  return (
    <>
      <Typography.Paragraph type="secondary">
        发给当事人的执法文书上印有承办单位的联系方式、罚款缴纳账户和救济途径。在这里为本机关(最上层单位)设置一次,下级单位自动沿用;某个单位不同的,可以为它单独设置其中一部分。签发文书时这些信息自动填入,执法人员仍可修改。
        {editable ? '' : '这些信息由系统管理员设置。'}
      </Typography.Paragraph>
      {list.error && list.error.status !== 401 && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <Table<UnitProfileListItem>
        rowKey="unitId"
        size="small"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.loading}
        pagination={false}
        tableLayout="fixed"
        data-testid="profile-table"
        locale={{ emptyText: '暂无单位' }}
      />
      <ProfileDrawer
        target={open}
        editable={editable}
        onClose={() => setOpen(null)}
        onSaved={(saved) => {
          setOpen(null);
          message.success(`已保存“${saved.unitName}”的文书固定信息`);
          list.reload();
        }}
      />
    </>
  );
}
