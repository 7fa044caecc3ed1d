import { Alert, App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  compileAnnualReport,
  computeAnnualReport,
  getAnnualReport,
  listAnnualReports,
  publishAnnualReport,
  type ReportView,
} from '../../api/annual-reports';
import { beijingToday, formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useCan } from '../../session/SessionContext';
import { CountsList, UnitFiguresTable } from './UnitFiguresTable';

const STATE_COLORS: Readonly<Record<string, string>> = { draft: 'gold', compiled: 'blue', published: 'green' };

/**
 * 行政执法统计年报: 政策法规科 computes a year's figures from the records, each unit head confirms or returns
 * the unit's own, the section compiles (figures frozen with their SHA-256) and publishes by 25 January.
 */
export function AnnualReportsPage() {
  const can = useCan();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const thisYear = Number(beijingToday().slice(0, 4));
  const [year, setYear] = useState(thisYear - 1);
  const [report, setReport] = useState<ReportView | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const listLoad = useCallback(() => listAnnualReports(), []);
  const list = useAsync(listLoad);
  const reportLoad = useCallback(() => getAnnualReport(year), [year]);
  const current = useAsync(reportLoad);

  // useAsync keeps the previous answer while loading: show a report only once it is this year's.
  useEffect(() => {
    if (current.loading) return;
    setReport(!current.error && current.data?.year === year ? current.data : null);
    setMissing(current.error?.status === 404);
  }, [current.loading, current.data, current.error, year]);

  const years = [...new Set([thisYear, thisYear - 1, thisYear - 2, ...(list.data ?? []).map((r) => r.year)])].sort((a, b) => b - a);

  const act = async (work: () => Promise<ReportView>, done: string) => {
    setBusy(true);
    try {
      setReport(await work());
      setMissing(false);
      message.success(done);
      list.reload();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          行政执法统计年报
        </Typography.Title>
        <Space wrap>
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 120 }}
            data-testid="annual-report-year"
            options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
          />
          {can('annual_report.compute') && (!report || report.canCompute) && (
            <Button
              loading={busy}
              data-testid="annual-report-compute"
              onClick={() => void act(() => computeAnnualReport(year), '已从执法记录计算统计数据')}
            >
              {report ? '重新计算' : '计算年报'}
            </Button>
          )}
          {report?.canCompile && (
            <Popconfirm
              title="汇总后数据固定,不再随记录变化。确定汇总?"
              onConfirm={() => act(() => compileAnnualReport(year), '已汇总,数据已固定')}
            >
              <Button
                type="primary"
                loading={busy}
                disabled={report.unitsConfirmed < report.unitsTotal}
                data-testid="annual-report-compile"
              >
                汇总
              </Button>
            </Popconfirm>
          )}
          {report?.canPublish && (
            <Popconfirm title="公布后在门户网站公开。确定公布?" onConfirm={() => act(() => publishAnnualReport(year), '年报已公布')}>
              <Button type="primary" loading={busy} data-testid="annual-report-publish">
                公布
              </Button>
            </Popconfirm>
          )}
          {report?.state === 'published' && (
            <Button href={`/statistics/${year}`} target="_blank">
              查看公开页面
            </Button>
          )}
        </Space>
      </Flex>

      {current.error && !missing && current.error.status !== 401 && <Alert type="error" showIcon title={current.error.message} />}
      {missing && !report && (
        <Card>
          <Empty description={`${year} 年度年报尚未编制${can('annual_report.compute') ? ',点击「计算年报」从执法记录统计' : ''}`} />
        </Card>
      )}

      {report && (
        <>
          <Card size="small" data-testid="annual-report-summary">
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={[
                {
                  key: 'state',
                  label: '状态',
                  children: <Tag color={STATE_COLORS[report.state]}>{report.stateLabel}</Tag>,
                },
                { key: 'asOf', label: '统计截至', children: `${report.asOf}${report.partial ? '(年度未结束)' : ''}` },
                { key: 'progress', label: '单位确认', children: `${report.unitsConfirmed} / ${report.unitsTotal}` },
                {
                  key: 'confirmDue',
                  label: '确认期限',
                  children: (
                    <>
                      {report.confirmDueOn}
                      {report.units.some((u) => u.overdue) && <Tag color="red">有单位逾期</Tag>}
                    </>
                  ),
                },
                {
                  key: 'publishDue',
                  label: '公布期限',
                  children: (
                    <>
                      {report.publishDueOn}(国家规定 {report.nationalDueOn} 前)
                      {report.publishOverdue && <Tag color="red">已逾期</Tag>}
                    </>
                  ),
                },
                { key: 'computed', label: '计算时间', children: formatTime(report.computedAt) },
                { key: 'compiled', label: '汇总时间', children: formatTime(report.compiledAt) },
                { key: 'published', label: '公布时间', children: formatTime(report.publishedAt) },
                {
                  key: 'hash',
                  label: '数据 SHA-256',
                  children: (
                    <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                      {report.figuresSha256}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Card>
          <Card size="small" title="各单位数据与确认">
            <UnitFiguresTable report={report} onChanged={setReport} />
          </Card>
          <Card size="small" title="全局合计">
            <CountsList counts={report.figures.total} />
          </Card>
          <Alert type="info" showIcon title="统计说明" description={report.figures.notes.map((n) => <div key={n}>{n}</div>)} />
        </>
      )}
    </Flex>
  );
}
