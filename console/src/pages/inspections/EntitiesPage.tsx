import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Grid, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ENTITY_TEMPLATE_URL, type EntityView, listEntities, listImports } from '../../api/inspection-entities';
import { downloadFile } from '../../components/excel/excelHttp';
import { useExcelError } from '../../components/excel/useExcelError';
import { useAsync } from '../../hooks/useAsync';
import { useCan } from '../../session/SessionContext';
import { EntityDrawer } from './EntityDrawer';
import { EntityFilters, type EntityFilterValues } from './EntityFilters';
import { EntityImportModal } from './EntityImportModal';
import { entityColumns } from './entityColumns';

const DEFAULT_PAGE_SIZE = 20;

/**
 * 检查对象名录库 (双随机、一公开): the market entities plans draw from. Everyone in 双随机 reads and filters it;
 * 政策法规科, unit heads and administrators (`inspection.entities`) import it from Excel or CSV, edit one
 * entity and deactivate or restore it with a reason.
 */
export function EntitiesPage() {
  const can = useCan();
  const compact = Grid.useBreakpoint().md === false;
  const showError = useExcelError();
  const editable = can('inspection.entities');
  const [filters, setFilters] = useState<EntityFilterValues>({ active: 'true' });
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [open, setOpen] = useState<EntityView | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [runningId, setRunningId] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);

  const load = useCallback(
    () =>
      listEntities({
        q: filters.q,
        region: filters.region,
        industry: filters.industry,
        riskClass: filters.riskClass,
        active: filters.active === 'all' ? undefined : filters.active,
        ...paging,
      }),
    [filters, paging],
  );
  const entities = useAsync(load);
  const columns = useMemo(() => entityColumns({ compact, onOpen: setOpen }), [compact]);

  // An import started earlier (another tab, before a reload) is still being read: offer its progress.
  useEffect(() => {
    if (!editable) return;
    listImports(1).then(
      ([latest]) => setRunningId(latest?.state === 'reading' ? latest.id : null),
      () => undefined,
    );
  }, [editable]);

  const change = (next: EntityFilterValues) => {
    setFilters(next);
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const downloadTemplate = async () => {
    setDownloading(true);
    try {
      await downloadFile(ENTITY_TEMPLATE_URL, '检查对象名录导入模板.xlsx');
    } catch (error) {
      showError(error);
    } finally {
      setDownloading(false);
    }
  };

  const facets = entities.data?.facets;
  return (
    <Card title="检查对象名录库" size={compact ? 'small' : undefined}>
      <Typography.Paragraph type="secondary">
        随机抽查的检查对象(市场主体),以统一社会信用代码识别。停用的对象(注销、迁出等)不再参加抽取,已有抽查记录保留。
      </Typography.Paragraph>
      {editable && runningId && !importOpen && (
        <Alert
          type="info"
          showIcon
          title="有一个名录导入正在后台进行"
          action={
            <Button size="small" onClick={() => setImportOpen(true)} data-testid="entity-import-resume">
              查看进度
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
        <EntityFilters
          value={filters}
          regions={facets?.regions ?? []}
          industries={facets?.industries ?? []}
          compact={compact}
          onChange={change}
        />
        {editable && (
          <Space wrap>
            <Button icon={<DownloadOutlined />} loading={downloading} onClick={downloadTemplate} data-testid="entity-template">
              下载模板
            </Button>
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="entity-import-open">
              导入
            </Button>
          </Space>
        )}
      </Flex>
      {entities.error && entities.error.status !== 401 && (
        <Alert type="error" showIcon title={entities.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<EntityView>
        rowKey="uscc"
        size={compact ? 'small' : 'middle'}
        columns={columns}
        dataSource={entities.data?.items ?? []}
        loading={entities.loading}
        scroll={compact ? undefined : { x: 1200 }}
        data-testid="entities-table"
        locale={{ emptyText: editable ? '名录库中没有符合条件的检查对象;可点击「导入」上传名录' : '名录库中没有符合条件的检查对象' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: entities.data?.total ?? 0,
          showSizeChanger: !compact,
          pageSizeOptions: [20, 50, 100],
          simple: compact,
          showTotal: compact ? undefined : (total) => `共 ${total.toLocaleString('zh-CN')} 个`,
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
      />
      <EntityDrawer
        entity={open}
        editable={editable}
        onClose={() => setOpen(null)}
        onChanged={(updated) => {
          setOpen(updated);
          entities.reload();
        }}
      />
      {editable && (
        <EntityImportModal
          open={importOpen}
          resumeId={runningId}
          onClose={(readingId) => {
            setImportOpen(false);
            setRunningId(readingId);
          }}
          onImported={() => {
            setRunningId(null);
            entities.reload();
          }}
        />
      )}
    </Card>
  );
}
