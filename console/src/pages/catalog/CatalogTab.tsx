import { Alert, App, Flex, Grid, Table } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { type CatalogKind, type CatalogSummary, listCatalogEntries, publishCatalogDrafts } from '../../api/catalog';
import { useAsync } from '../../hooks/useAsync';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { CatalogFilters, type CatalogFilterValues } from './CatalogFilters';
import { CatalogToolbar } from './CatalogToolbar';
import { catalogColumns } from './catalogColumns';
import { KIND_META } from './catalogKinds';
import { EntryDrawer } from './drawer/EntryDrawer';
import { EntryFormDrawer } from './forms/EntryFormDrawer';

const DEFAULT_PAGE_SIZE = 20;

/** A row may be picked for 批量发布草稿 only while its newest version is a draft. */
const hasDraft = (row: CatalogSummary) => row.latestVersion.status === 'draft';

/** One kind of the catalogue: filters, the paginated list, batch publishing, the entry drawer and the form. */
export function CatalogTab({ kind, editable }: { kind: CatalogKind; editable: boolean }) {
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const compact = Grid.useBreakpoint().md === false;
  const meta = KIND_META[kind];
  const [filters, setFilters] = useState<CatalogFilterValues>({});
  const [pagination, setPagination] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [selected, setSelected] = useState<string[]>([]);
  const [publishing, setPublishing] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [revision, setRevision] = useState(0);

  const load = useCallback(
    () =>
      listCatalogEntries(kind, {
        q: filters.q,
        category: filters.category,
        unitId: filters.unitId,
        itemCode: filters.itemCode,
        ...pagination,
      }),
    [kind, filters.q, filters.category, filters.unitId, filters.itemCode, pagination],
  );
  const list = useAsync(load);
  const rows: CatalogSummary[] = list.data?.items ?? [];

  const changed = useCallback(() => {
    list.reload();
    setRevision((r) => r + 1);
  }, [list.reload]);

  const publishSelected = async () => {
    setPublishing(true);
    try {
      const { published } = await publishCatalogDrafts(kind, selected);
      message.success(`已发布 ${published} 个草稿`);
      setSelected([]);
      changed();
    } catch (error) {
      showError(error);
    } finally {
      setPublishing(false);
    }
  };

  const columns = useMemo(() => catalogColumns(kind, compact, (row) => setOpenId(row.id)), [kind, compact]);

  return (
    <>
      <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
        <CatalogFilters
          kind={kind}
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setSelected([]);
            setPagination((p) => ({ ...p, page: 1 }));
          }}
        />
        <CatalogToolbar
          kind={kind}
          editable={editable}
          selectedDrafts={selected.length}
          publishing={publishing}
          onPublishDrafts={publishSelected}
          onCreate={() => setCreating(true)}
          onImported={changed}
        />
      </Flex>
      {list.error && list.error.status !== 401 && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <Table<CatalogSummary>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.loading}
        scroll={{ x: meta.hasItemFilter ? 1040 : 930 }}
        data-testid="catalog-table"
        locale={{ emptyText: `暂无${meta.label}` }}
        rowSelection={
          editable
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (row) => ({ disabled: !hasDraft(row), title: hasDraft(row) ? '选择以批量发布草稿' : '没有待发布的草稿' }),
                preserveSelectedRowKeys: true,
              }
            : undefined
        }
        pagination={{
          current: pagination.page,
          pageSize: pagination.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => setPagination({ page: pageSize === pagination.pageSize ? page : 1, pageSize }),
        }}
      />
      <EntryDrawer
        kind={kind}
        entryId={openId}
        editable={editable}
        refreshKey={revision}
        onClose={() => setOpenId(null)}
        onChanged={changed}
      />
      <EntryFormDrawer
        kind={kind}
        target={creating ? { mode: 'create' } : null}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          message.success(`已新建 ${saved.code}(第 1 版草稿)`);
          changed();
          setOpenId(saved.entryId);
        }}
      />
    </>
  );
}
