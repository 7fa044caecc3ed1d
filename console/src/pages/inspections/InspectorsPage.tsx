import { Alert, Card, Flex, Grid, Input, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { type Inspector, listInspectors } from '../../api/inspections';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useAsync } from '../../hooks/useAsync';
import { useMe } from '../../session/SessionContext';
import { ConflictsSection } from './ConflictsSection';

const DEFAULT_FIELD = '劳动保障监察';

function inspectorColumns(compact: boolean): TableColumnsType<Inspector> {
  const wide: TableColumnsType<Inspector> = [
    { title: '所在机构', dataIndex: 'unitName', width: 170, ellipsis: true },
    {
      title: '执法类别',
      dataIndex: 'categories',
      render: (categories: string[]) => (
        <Flex wrap gap={4}>
          {categories.map((c) => (
            <Tag key={c}>{c}</Tag>
          ))}
        </Flex>
      ),
    },
  ];
  return [
    {
      title: '姓名',
      key: 'name',
      ...(compact ? {} : { width: 120 }),
      render: (_, i) => (
        <Flex vertical>
          <span data-testid="inspector-name">{i.name}</span>
          {compact && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.certificateNo} · {i.unitName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    ...(compact ? [] : [{ title: '执法证号', dataIndex: 'certificateNo', width: 170 }]),
    ...(compact ? [] : wide),
    {
      title: compact ? '证件' : '证件状态',
      key: 'valid',
      width: compact ? 80 : 110,
      render: (_, i) => <Tag color={i.valid ? 'success' : 'error'}>{i.valid ? '有效' : i.statusLabel}</Tag>,
    },
    {
      title: compact ? '回避' : '利害关系',
      dataIndex: 'conflicts',
      width: compact ? 70 : 90,
      render: (n: number) => (n > 0 ? <Tag color="warning">{n} 项</Tag> : '—'),
    },
  ];
}

/**
 * 执法检查人员名录库: the officers of a unit and the units below it who hold the 执法类别, with whether their
 * certificate is valid today (only valid ones are drawn) and their declared conflicts of interest.
 */
export function InspectorsPage() {
  const me = useMe();
  const compact = Grid.useBreakpoint().md === false;
  const [unitId, setUnitId] = useState(me.user.unitId);
  const [field, setField] = useState(DEFAULT_FIELD);
  const load = useCallback(() => listInspectors(unitId, field || undefined), [unitId, field]);
  const inspectors = useAsync(load);
  const list = inspectors.data ?? [];
  const valid = list.filter((i) => i.valid).length;

  return (
    <Card title="执法检查人员名录库" data-testid="inspectors-page">
      <Typography.Paragraph type="secondary">
        名录库由本机构及下属机构中具备相应执法类别的执法人员组成,随执法人员信息实时更新;抽查计划公告时冻结当日持有效执法证件的人员名单,抽取时从中随机组成检查组。
      </Typography.Paragraph>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <label htmlFor="inspectors-unit">机构</label>
        <UnitTreeSelect
          id="inspectors-unit"
          value={unitId}
          onChange={(id) => id && setUnitId(id)}
          style={{ width: compact ? '100%' : 260 }}
          data-testid="inspectors-unit"
        />
        <label htmlFor="inspectors-field">执法类别</label>
        <Input.Search
          id="inspectors-field"
          defaultValue={DEFAULT_FIELD}
          style={{ width: compact ? '100%' : 200 }}
          onSearch={(value) => setField(value.trim() || DEFAULT_FIELD)}
        />
      </Flex>
      {inspectors.error && inspectors.error.status !== 401 && (
        <Alert type="error" showIcon title={`${inspectors.error.message}(${inspectors.error.code})`} style={{ marginBottom: 12 }} />
      )}
      {!inspectors.loading && !inspectors.error && (
        <Typography.Paragraph data-testid="inspectors-summary">
          共 {list.length} 人,其中持有效证件 {valid} 人。
        </Typography.Paragraph>
      )}
      <Table<Inspector>
        rowKey="id"
        columns={inspectorColumns(compact)}
        dataSource={list}
        loading={inspectors.loading}
        size={compact ? 'small' : 'middle'}
        scroll={compact ? undefined : { x: 900 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '该机构没有具备此执法类别的执法人员' }}
        data-testid="inspectors-table"
      />
      <ConflictsSection inspectors={list} onChanged={inspectors.reload} />
    </Card>
  );
}
