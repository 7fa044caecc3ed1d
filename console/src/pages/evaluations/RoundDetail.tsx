import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Spin, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { closeRound, type EvaluationSummary, getRound } from '../../api/evaluations';
import { apiErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { navigate } from '../../router';
import { useCan } from '../../session/SessionContext';
import { EVALUATION_STATE_COLORS, evaluationsUrl, evaluationUrl, ROUND_STATE_COLORS } from './evaluationUrls';
import { ResultsPanel } from './ResultsPanel';

const columns: TableColumnsType<EvaluationSummary> = [
  { title: '序号', dataIndex: 'position', width: 64 },
  {
    title: '档号',
    dataIndex: 'archiveNo',
    width: 220,
    render: (no: string, e) => (
      <Typography.Link
        href={evaluationUrl(e.id)}
        onClick={(ev) => {
          ev.preventDefault();
          navigate(evaluationUrl(e.id));
        }}
      >
        {no}
      </Typography.Link>
    ),
  },
  { title: '案由', dataIndex: 'title' },
  { title: '单位', dataIndex: 'unitName', width: 160 },
  { title: '执法人员', key: 'officers', width: 140, render: (_, e) => e.officerNames.join('、') || '—' },
  {
    title: '自动发现',
    dataIndex: 'findingCount',
    width: 96,
    render: (n: number) => (n > 0 ? <Tag color="orange">{n} 项</Tag> : <Tag>无</Tag>),
  },
  { title: '得分', dataIndex: 'score', width: 80 },
  {
    title: '状态',
    key: 'state',
    width: 110,
    render: (_, e) => <Tag color={EVALUATION_STATE_COLORS[e.state]}>{e.stateLabel}</Tag>,
  },
  {
    title: '评查人',
    key: 'reviewer',
    width: 150,
    render: (_, e) => (e.reviewerName ? `${e.reviewerName} · ${formatTime(e.submittedAt)}` : '—'),
  },
];

/** 评查活动: the sampled files with their status, the draw's record, and the results so far. */
export function RoundDetail({ id }: { id: string }) {
  const can = useCan();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [generation, setGeneration] = useState(0);
  const [closing, setClosing] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` reloads the round after closing it.
  const load = useCallback(() => getRound(id), [id, generation]);
  const round = useAsync(load);
  const r = round.data;

  const close = async () => {
    setClosing(true);
    try {
      await closeRound(id);
      message.success('评查活动已结束');
      setGeneration((g) => g + 1);
    } catch (error) {
      showError(error);
    } finally {
      setClosing(false);
    }
  };

  const back = (
    <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(evaluationsUrl('rounds'))}>
      评查活动
    </Button>
  );
  if (!r) {
    return (
      <Card title={back}>
        <ErrorAlert error={round.error ? apiErrorText(round.error) : null} testId="round-error" />
        {round.loading && <Spin />}
      </Card>
    );
  }
  const allSubmitted = r.submitted === r.sampled;
  return (
    <Card
      title={
        <Flex align="center" gap={8} wrap>
          {back}
          <span data-testid="round-title-text">{r.title}</span>
          <Tag color={ROUND_STATE_COLORS[r.state]}>{r.stateLabel}</Tag>
        </Flex>
      }
      extra={
        can('archive.evaluate') &&
        r.state === 'open' && (
          <Popconfirm
            title="结束评查活动"
            description="结束后评查结果不再变化。"
            okText="结束"
            cancelText="取消"
            disabled={!allSubmitted}
            onConfirm={() => void close()}
          >
            <Button
              loading={closing}
              disabled={!allSubmitted}
              title={allSubmitted ? undefined : '全部案卷提交评查结果后才能结束'}
              data-testid="round-close"
            >
              结束评查活动
            </Button>
          </Popconfirm>
        )
      }
    >
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'year', label: '归档年度', children: r.year },
          { key: 'unit', label: '范围', children: r.unitName ?? '全局' },
          {
            key: 'sample',
            label: '抽取',
            children: `${r.population} 件中抽取 ${r.sampled} 件(${r.sampleKind === 'ratio' ? `按比例 ${r.sampleValue}%` : `按件数 ${r.sampleValue} 件`})`,
          },
          { key: 'sheet', label: '评查标准', children: r.sheetVersion === 0 ? '系统默认标准' : `第 ${r.sheetVersion} 版` },
          { key: 'progress', label: '已提交', children: `${r.submitted} / ${r.sampled}` },
          { key: 'created', label: '发起', children: `${r.createdByName} · ${formatTime(r.createdAt)}` },
          {
            key: 'seed',
            label: '随机种子',
            span: 'filled' as const,
            children: (
              <Typography.Text code copyable data-testid="round-seed">
                {r.seed}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Tabs
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'files',
            label: '抽取的案卷',
            children: (
              <Table<EvaluationSummary>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={r.evaluations}
                pagination={false}
                scroll={{ x: 1100 }}
                data-testid="round-evaluations"
              />
            ),
          },
          { key: 'results', label: '评查结果', children: <ResultsPanel round={r} generation={generation} /> },
        ]}
      />
    </Card>
  );
}
