import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Grid, Table } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { type Evidence, listEvidence } from '../../api/evidence';
import { useAsync } from '../../hooks/useAsync';
import { navigate, routes, useLocation } from '../../router';
import { useCan } from '../../session/SessionContext';
import { EvidenceDrawer } from './EvidenceDrawer';
import { EvidenceFilters, type EvidenceFilterValues } from './EvidenceFilters';
import { evidenceColumns } from './evidenceColumns';
import { UploadEvidenceModal } from './UploadEvidenceModal';

const DEFAULT_PAGE_SIZE = 20;

/** 证据管理: the evidence the signed-in person may see; `?id=` opens one in the drawer (so it survives a reload). */
export function EvidencePage() {
  const { message } = App.useApp();
  const can = useCan();
  const compact = Grid.useBreakpoint().md === false;
  const { search } = useLocation();
  const openId = search.get('id');
  const [filters, setFilters] = useState<EvidenceFilterValues>({});
  const [pagination, setPagination] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [uploading, setUploading] = useState(false);

  const load = useCallback(() => listEvidence({ ...filters, ...pagination }), [filters, pagination]);
  const evidence = useAsync(load);
  const columns = useMemo(() => evidenceColumns(compact), [compact]);

  const open = (id: string) => navigate(`${routes.evidence}?id=${encodeURIComponent(id)}`);

  return (
    <Card title="证据管理">
      <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
        <EvidenceFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setPagination((p) => ({ ...p, page: 1 }));
          }}
        />
        {can('evidence.upload') && (
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setUploading(true)} data-testid="evidence-upload">
            上传证据
          </Button>
        )}
      </Flex>
      {evidence.error && evidence.error.status !== 401 && (
        <Alert type="error" showIcon title={evidence.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<Evidence>
        rowKey="id"
        columns={columns}
        dataSource={evidence.data?.items ?? []}
        loading={evidence.loading}
        scroll={{ x: 1200 }}
        data-testid="evidence-table"
        onRow={(record) => ({ onClick: () => open(record.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: '暂无证据' }}
        pagination={{
          current: pagination.page,
          pageSize: pagination.pageSize,
          total: evidence.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 件`,
          onChange: (page, pageSize) => setPagination({ page: pageSize === pagination.pageSize ? page : 1, pageSize }),
        }}
      />
      <UploadEvidenceModal
        open={uploading}
        onClose={() => setUploading(false)}
        onUploaded={(id, filename) => {
          setUploading(false);
          message.success(`已上传:${filename}`);
          evidence.reload();
          if (id) open(id);
        }}
      />
      <EvidenceDrawer evidenceId={openId} onClose={() => navigate(routes.evidence, { replace: true })} />
    </Card>
  );
}
