import { Flex, Input, InputNumber, Select, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { type CaseFileSummary, listFiles } from '../../api/archives';
import { apiErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { beijingToday, formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { navigate } from '../../router';
import { FILE_STATE_COLORS, FILE_STATE_OPTIONS, fileUrl, RETENTION_OPTIONS } from './archiveLabels';

/** 保管期限 with its end, and a tag once it has ended (the file may go on a 销毁清单). */
export function RetentionText({ file, today }: { file: Pick<CaseFileSummary, 'retentionLabel' | 'retentionUntil'>; today: string }) {
  const ended = file.retentionUntil !== null && file.retentionUntil < today;
  return (
    <Flex vertical gap={2}>
      <span>{file.retentionLabel}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {file.retentionUntil ? `至 ${file.retentionUntil}` : '永久保存'}
      </Typography.Text>
      {ended && (
        <span>
          <Tag color="orange">保管期满</Tag>
        </span>
      )}
    </Flex>
  );
}

export function FileStateTags({ file }: { file: Pick<CaseFileSummary, 'state' | 'stateLabel' | 'legalHold'> }) {
  return (
    <Flex wrap gap={4}>
      <Tag color={FILE_STATE_COLORS[file.state]} data-testid="file-row-state">
        {file.stateLabel}
      </Tag>
      {file.legalHold && (
        <Tooltip title={`冻结原因:${file.legalHold}`}>
          <Tag color="red">已冻结</Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

const YEAR_NOW = Number(beijingToday().slice(0, 4));

/** 已归档: the accepted files of the person's scope; search by 档号, 案件编号 or 案由; a row opens the file. */
export function FilesTab({ generation }: { generation: number }) {
  const today = beijingToday();
  const [q, setQ] = useState('');
  const [state, setState] = useState<string | undefined>();
  const [retention, setRetention] = useState<string | undefined>();
  const [year, setYear] = useState<number | null>(null);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` reloads the list after an acceptance elsewhere on the page.
  const load = useCallback(
    () => listFiles({ q: q || undefined, state, retention, year: year ?? undefined, ...paging }),
    [q, state, retention, year, paging, generation],
  );
  const files = useAsync(load);
  const first = () => setPaging((p) => ({ ...p, page: 1 }));

  const columns: TableColumnsType<CaseFileSummary> = [
    {
      title: '档号',
      dataIndex: 'archiveNo',
      width: 200,
      render: (no: string, f) => (
        <Typography.Link
          href={fileUrl(f.id)}
          onClick={(e) => {
            e.preventDefault();
            e.stopPropagation();
            navigate(fileUrl(f.id));
          }}
          data-testid="file-row-archive-no"
        >
          {no}
        </Typography.Link>
      ),
    },
    { title: '案件编号', dataIndex: 'caseNo', width: 110 },
    { title: '题名', dataIndex: 'title', render: (t: string) => <span data-testid="file-row-title">{t}</span> },
    { title: '年度', dataIndex: 'year', width: 70 },
    { title: '保管期限', key: 'retention', width: 130, render: (_, f) => <RetentionText file={f} today={today} /> },
    { title: '件数/页数', key: 'count', width: 100, render: (_, f) => `${f.itemCount} 件 / ${f.pages} 页` },
    { title: '状态', key: 'state', width: 130, render: (_, f) => <FileStateTags file={f} /> },
    { title: '接收', key: 'accepted', width: 170, render: (_, f) => `${f.acceptedByName} ${formatTime(f.acceptedAt).slice(0, 10)}` },
  ];

  return (
    <>
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="档号、案件编号或案由"
          aria-label="搜索已归档案卷(档号、案件编号或案由)"
          style={{ width: 280, maxWidth: '100%' }}
          onSearch={(value) => {
            setQ(value.trim());
            first();
          }}
          data-testid="files-search"
        />
        <Select
          allowClear
          placeholder="全部保管期限"
          aria-label="保管期限"
          style={{ width: 150 }}
          options={RETENTION_OPTIONS}
          value={retention}
          onChange={(value: string | undefined) => {
            setRetention(value);
            first();
          }}
          data-testid="files-filter-retention"
        />
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="案卷状态"
          style={{ width: 130 }}
          options={FILE_STATE_OPTIONS}
          value={state}
          onChange={(value: string | undefined) => {
            setState(value);
            first();
          }}
          data-testid="files-filter-state"
        />
        <InputNumber
          placeholder="年度"
          aria-label="归档年度"
          min={1949}
          max={YEAR_NOW + 1}
          precision={0}
          style={{ width: 110 }}
          value={year}
          onChange={(value) => {
            setYear(typeof value === 'number' ? value : null);
            first();
          }}
          data-testid="files-filter-year"
        />
      </Flex>
      <ErrorAlert error={files.error ? apiErrorText(files.error) : null} testId="files-error" />
      <Table<CaseFileSummary>
        rowKey="id"
        columns={columns}
        dataSource={files.data?.items ?? []}
        loading={files.loading}
        scroll={{ x: 1080 }}
        data-testid="files-table"
        onRow={(f) => ({ onClick: () => navigate(fileUrl(f.id)), style: { cursor: 'pointer' } })}
        locale={{ emptyText: '没有符合条件的案卷' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: files.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 卷`,
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
      />
    </>
  );
}
