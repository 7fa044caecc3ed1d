import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Grid, Table } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { type CaseSummary, listCases } from '../../api/cases';
import { useAsync } from '../../hooks/useAsync';
import { navigate, routes, useLocation } from '../../router';
import { useCan } from '../../session/SessionContext';
import { CaseDrawer } from './CaseDrawer';
import { CaseFilters, type CaseFilterValues } from './CaseFilters';
import { caseColumns } from './caseColumns';
import { beijingToday } from './caseDates';
import { RegisterCaseDrawer } from './RegisterCaseDrawer';

const DEFAULT_PAGE_SIZE = 20;

/** 案件办理: the cases the signed-in person may see, nearest deadline first; `?id=` opens one in the drawer. */
export function CasesPage() {
  const { message } = App.useApp();
  const can = useCan();
  const compact = Grid.useBreakpoint().md === false;
  const { search } = useLocation();
  const openId = search.get('id');
  const [filters, setFilters] = useState<CaseFilterValues>({});
  const [pagination, setPagination] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [registering, setRegistering] = useState(false);

  const load = useCallback(() => listCases({ ...filters, ...pagination }), [filters, pagination]);
  const cases = useAsync(load);
  const today = beijingToday();
  const columns = useMemo(() => caseColumns(compact, today), [compact, today]);

  const open = (id: string) => navigate(`${routes.cases}?id=${encodeURIComponent(id)}`);

  return (
    <Card title="案件办理">
      <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
        <CaseFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setPagination((p) => ({ ...p, page: 1 }));
          }}
        />
        {can('case.handle') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="case-new">
            新建案件
          </Button>
        )}
      </Flex>
      {cases.error && cases.error.status !== 401 && (
        <Alert type="error" showIcon title={cases.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<CaseSummary>
        rowKey="id"
        columns={columns}
        dataSource={cases.data?.items ?? []}
        loading={cases.loading}
        scroll={{ x: 1100 }}
        data-testid="cases-table"
        onRow={(record) => ({ onClick: () => open(record.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: filters.dueWithinDays === undefined ? '暂无案件' : '没有临近期限或已逾期的案件' }}
        pagination={{
          current: pagination.page,
          pageSize: pagination.pageSize,
          total: cases.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 件`,
          onChange: (page, pageSize) => setPagination({ page: pageSize === pagination.pageSize ? page : 1, pageSize }),
        }}
      />
      <RegisterCaseDrawer
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(created) => {
          setRegistering(false);
          message.success(`已登记案件 ${created.caseNo}`);
          cases.reload();
          open(created.id);
        }}
      />
      <CaseDrawer caseId={openId} onChanged={cases.reload} onClose={() => navigate(routes.cases, { replace: true })} />
    </Card>
  );
}
