import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Grid, Space, Table } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { deleteOfficer, listOfficers, type Officer } from '../../api/officers';
import { useAsync } from '../../hooks/useAsync';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useCan } from '../../session/SessionContext';
import { ExpiryAlerts } from './ExpiryAlerts';
import { OfficerDrawer } from './OfficerDrawer';
import { OfficerExcelActions } from './OfficerExcelActions';
import { OfficerFilters, type OfficerFilterValues } from './OfficerFilters';
import { OfficerFormModal } from './OfficerFormModal';
import { officerColumns } from './officerColumns';
import { beijingToday } from './officerLabels';

const DEFAULT_PAGE_SIZE = 20;

/** 执法人员: the register within the person's unit scope, with 到期提醒, Excel export and, for `officer.edit`, maintenance and import. */
export function OfficersPage() {
  const { message } = App.useApp();
  const can = useCan();
  const showError = useErrorMessage();
  const compact = Grid.useBreakpoint().md === false;
  const editable = can('officer.edit');
  const [filters, setFilters] = useState<OfficerFilterValues>({});
  const [pagination, setPagination] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [editing, setEditing] = useState<Officer | 'new' | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);

  const load = useCallback(
    () => listOfficers({ q: filters.q, status: filters.status, unitId: filters.unitId, ...pagination }),
    [filters.q, filters.status, filters.unitId, pagination],
  );
  const officers = useAsync(load);
  const rows = officers.data?.items ?? [];
  const changed = useCallback(() => {
    officers.reload();
    setRevision((r) => r + 1);
  }, [officers.reload]);

  const remove = useCallback(
    async (officer: Officer) => {
      try {
        await deleteOfficer(officer.id);
        message.success(`已删除 ${officer.name}`);
        changed();
      } catch (err) {
        showError(err);
      }
    },
    [changed, message, showError],
  );

  const columns = useMemo(
    () =>
      officerColumns({
        compact,
        today: beijingToday(),
        onOpen: (o) => setOpenId(o.id),
        onEdit: editable ? setEditing : undefined,
        onDelete: editable ? remove : undefined,
      }),
    [compact, editable, remove],
  );

  return (
    <Card title="执法人员">
      <ExpiryAlerts refreshKey={revision} onOpen={setOpenId} />
      <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
        <OfficerFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setPagination((p) => ({ ...p, page: 1 }));
          }}
        />
        <Space wrap>
          <OfficerExcelActions canImport={editable} canExport={can('officer.list')} onImported={changed} />
          {editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="officer-create">
              新增执法人员
            </Button>
          )}
        </Space>
      </Flex>
      {officers.error && officers.error.status !== 401 && (
        <Alert type="error" showIcon title={officers.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<Officer>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={officers.loading}
        scroll={{ x: 1300 }}
        data-testid="officers-table"
        locale={{ emptyText: '暂无执法人员' }}
        pagination={{
          current: pagination.page,
          pageSize: pagination.pageSize,
          total: officers.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 人`,
          onChange: (page, pageSize) => setPagination({ page: pageSize === pagination.pageSize ? page : 1, pageSize }),
        }}
      />
      <OfficerFormModal
        target={editing}
        onClose={() => setEditing(null)}
        onError={showError}
        onSaved={(officer, created) => {
          setEditing(null);
          message.success(created ? `已登记执法人员 ${officer.name}` : `已保存 ${officer.name} 的修改`);
          changed();
        }}
      />
      <OfficerDrawer officerId={openId} editable={editable} refreshKey={revision} onClose={() => setOpenId(null)} />
    </Card>
  );
}
