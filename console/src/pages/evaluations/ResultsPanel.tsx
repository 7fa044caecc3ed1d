import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { downloadResults, getResults, type ResultGroup, type ResultsView, type RoundSummary } from '../../api/evaluations';
import { apiErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { pointsText } from './evaluationUrls';

const groupColumns = (header: string): TableColumnsType<ResultGroup> => [
  { title: header, dataIndex: 'name', width: 180 },
  { title: '评查案卷', dataIndex: 'count', width: 90, render: (n: number) => `${n} 件` },
  { title: '平均分', dataIndex: 'average', width: 90 },
  { title: '最低分', dataIndex: 'lowest', width: 90 },
  { title: '最高分', dataIndex: 'highest', width: 90 },
  {
    title: '主要扣分项目',
    key: 'frequent',
    render: (_, g) => g.frequent.map((f) => `${f.title}(${f.count} 件,共扣 ${f.points} 分)`).join(';') || '—',
  },
];

const itemColumns: TableColumnsType<ResultsView['items'][number]> = [
  { title: '评查项目', dataIndex: 'title' },
  { title: '分值', dataIndex: 'points', width: 80 },
  { title: '扣分案卷', dataIndex: 'deductedCount', width: 100, render: (n: number) => `${n} 件` },
  { title: '扣分合计', dataIndex: 'deductedPoints', width: 100 },
];

/** 评查结果: submitted evaluations only, per unit and per officer (a file counts for each of its officers). */
export function ResultsPanel({ round, generation }: { round: RoundSummary; generation: number }) {
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [downloading, setDownloading] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` reloads the results after a submission.
  const load = useCallback(() => getResults(round.id), [round.id, generation]);
  const results = useAsync(load);
  const r = results.data;

  const download = async () => {
    setDownloading(true);
    try {
      message.success(`已下载 ${await downloadResults(round)}`);
    } catch (error) {
      showError(error);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Flex vertical gap={12} data-testid="evaluation-results">
      <ErrorAlert error={results.error ? apiErrorText(results.error) : null} testId="evaluation-results-error" />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Descriptions
          size="small"
          column={{ xs: 2, md: 5 }}
          items={[
            { key: 'count', label: '已提交', children: `${r?.count ?? 0} 件` },
            { key: 'pending', label: '未提交', children: `${r?.pending ?? 0} 件` },
            { key: 'average', label: '平均分', children: pointsText(r?.average) },
            { key: 'lowest', label: '最低分', children: pointsText(r?.lowest) },
            { key: 'highest', label: '最高分', children: pointsText(r?.highest) },
          ]}
        />
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()} data-testid="evaluation-results-xlsx">
          导出 Excel
        </Button>
      </Flex>
      <Typography.Title level={5}>按单位</Typography.Title>
      <Table<ResultGroup>
        rowKey="id"
        size="small"
        columns={groupColumns('单位')}
        dataSource={r?.byUnit ?? []}
        loading={results.loading}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: '尚无已提交的评查结果' }}
        data-testid="results-by-unit"
      />
      <Typography.Title level={5}>按执法人员</Typography.Title>
      <Table<ResultGroup>
        rowKey="id"
        size="small"
        columns={groupColumns('执法人员')}
        dataSource={r?.byOfficer ?? []}
        loading={results.loading}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: '尚无已提交的评查结果' }}
        data-testid="results-by-officer"
      />
      <Typography.Title level={5}>按评查项目</Typography.Title>
      <Table
        rowKey="code"
        size="small"
        columns={itemColumns}
        dataSource={r?.items ?? []}
        loading={results.loading}
        pagination={false}
        data-testid="results-by-item"
      />
    </Flex>
  );
}
