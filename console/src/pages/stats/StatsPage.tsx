import { Card, Col, DatePicker, Flex, Row, Space, Spin, Statistic, Tabs, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { INDICATORS, percentText } from '../../../../src/modules/stats/indicators';
import { getStatsOverview, type Rate, type StatsFilter, statsExportUrl } from '../../api/stats';
import { apiErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExcelExportButton } from '../../components/excel/ExcelExportButton';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { beijingToday } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { barsOf, caseTrend, pieOf, rateTrend, unitBars } from './charts';
import { EChart } from './EChart';
import { RateText, SubjectTable, WeakSpotsTable } from './StatsTables';

const DAY = 'YYYY-MM-DD';

/** This month and the eleven before it, as the server's default. */
function defaultRange(): [Dayjs, Dayjs] {
  const today = dayjs(beijingToday());
  return [today.subtract(11, 'month').startOf('month'), today];
}

function Kpi({ title, value, hint, testId }: { title: string; value: ReactNode; hint?: string; testId: string }) {
  const heading = hint ? (
    <Tooltip title={hint}>
      <span>{title}</span>
    </Tooltip>
  ) : (
    title
  );
  return (
    <Col xs={12} sm={8} lg={6} xl={4}>
      <Card size="small" data-testid={testId}>
        <Statistic
          title={heading}
          value={typeof value === 'number' ? value : undefined}
          formatter={typeof value === 'number' ? undefined : () => value}
        />
      </Card>
    </Col>
  );
}

const hintOf = (key: keyof typeof INDICATORS) => `分子:${INDICATORS[key].numerator};分母:${INDICATORS[key].denominator}`;
const rateKpi = (key: keyof typeof INDICATORS, rate: Rate) => ({
  title: INDICATORS[key].label,
  value: <RateText rate={rate} />,
  hint: hintOf(key),
});

function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Col xs={24} lg={12}>
      <Card size="small" title={title}>
        {children}
      </Card>
    </Col>
  );
}

/**
 * 统计分析 (执法监督看板): the period's cases by stage, source and unit, time limits and overdue cases, AV
 * exceptions, 法制审核 returns and publication timeliness, monthly trends and the weak spots; the same
 * figures as a workbook. A unit head sees their own unit (the server decides the scope).
 */
export function StatsPage() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>(defaultRange);
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const filter: StatsFilter = useMemo(
    () => ({ from: range[0].format(DAY), to: range[1].format(DAY), ...(unitId ? { unitId } : {}) }),
    [range, unitId],
  );
  const load = useCallback(() => getStatsOverview(filter), [filter]);
  const overview = useAsync(load);
  const o = overview.data;
  const k = o?.kpis;

  const kpis = k
    ? [
        { title: '受理登记案件', value: k.received, testId: 'kpi-received' },
        { title: '在办案件', value: k.open, testId: 'kpi-open' },
        { title: '作出决定', value: k.decided, testId: 'kpi-decided' },
        { ...rateKpi('overdue', k.overdue), testId: 'kpi-overdue' },
        { ...rateKpi('decisionLate', k.decisionLate), testId: 'kpi-decision-late' },
        {
          title: '立案至决定平均用时',
          value: k.averageDecisionDays === null ? '—' : `${k.averageDecisionDays} 日`,
          testId: 'kpi-decision-days',
        },
        { ...rateKpi('avException', k.avException), testId: 'kpi-av-exception' },
        { ...rateKpi('avMissingCases', k.avMissingCases), testId: 'kpi-av-missing' },
        { ...rateKpi('reviewReturned', k.reviewReturned), testId: 'kpi-review-returned' },
        { title: '法制审核平均用时', value: k.averageReviewDays === null ? '—' : `${k.averageReviewDays} 日`, testId: 'kpi-review-days' },
        { ...rateKpi('publicationOnTime', k.publicationOnTime), testId: 'kpi-publication-on-time' },
        { title: '逾期未公开', value: k.publicationOverdue, testId: 'kpi-publication-overdue' },
      ]
    : [];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          统计分析 · 执法监督看板
        </Typography.Title>
        <ExcelExportButton url={statsExportUrl(filter)} fallbackName="统计分析.xlsx" label="导出 Excel" testId="stats-export" />
      </Flex>
      <Space wrap>
        <label htmlFor="stats-range">统计期间</label>
        <DatePicker.RangePicker
          id={{ start: 'stats-range' }}
          value={range}
          allowClear={false}
          onChange={(values) => {
            if (values?.[0] && values[1]) setRange([values[0], values[1]]);
          }}
          data-testid="stats-range"
        />
        <label htmlFor="stats-unit">统计单位</label>
        <UnitTreeSelect
          id="stats-unit"
          allowClear
          placeholder="全部(可见范围内)"
          value={unitId}
          onChange={(value) => setUnitId(value || undefined)}
          style={{ minWidth: 220 }}
          data-testid="stats-unit"
        />
      </Space>
      {overview.error && <ErrorAlert error={apiErrorText(overview.error)} testId="stats-error" />}
      {!o && overview.loading && <Spin />}
      {o && (
        <Spin spinning={overview.loading}>
          <Flex vertical gap={16}>
            <Typography.Text type="secondary" data-testid="stats-scope">
              {o.filter.unitName},{o.filter.from} 至 {o.filter.to};逾期按 {o.filter.asOf} 判断
            </Typography.Text>
            <Row gutter={[12, 12]}>
              {kpis.map((item) => (
                <Kpi key={item.testId} {...item} />
              ))}
            </Row>
            <Row gutter={[12, 12]}>
              <ChartCard title="月度案件趋势">
                <EChart option={caseTrend(o.months)} label="每月受理登记、作出决定和结案的案件数" testId="chart-case-trend" />
              </ChartCard>
              <ChartCard title="月度指标趋势(%)">
                <EChart
                  option={rateTrend(o.months)}
                  label="每月决定超期率、音像记录例外率、法制审核退回率和按期公开率"
                  testId="chart-rate-trend"
                />
              </ChartCard>
              <ChartCard title="按办理阶段">
                <EChart option={barsOf(o.byStage, '案件数')} label="各办理阶段的案件数" testId="chart-stage" />
              </ChartCard>
              <ChartCard title="按案件来源">
                <EChart option={pieOf(o.bySource, '案件来源')} label="各案件来源的案件数" testId="chart-source" />
              </ChartCard>
              <ChartCard title="按单位(受理、在办、逾期)">
                <EChart option={unitBars(o.byUnit)} label="各单位受理登记、在办和逾期的案件数" testId="chart-unit" />
              </ChartCard>
              <ChartCard title="立案至决定用时(法定 90 日)">
                <EChart
                  option={barsOf(o.decisionDurations, '决定数')}
                  label="一般程序案件自立案至决定的用时分布"
                  testId="chart-durations"
                />
              </ChartCard>
              <ChartCard title="法制审核退回原因">
                <EChart option={barsOf(o.returnReasons, '问题数')} label="法制审核退回时指出的问题,按审核要点" testId="chart-reasons" />
              </ChartCard>
              <ChartCard title={`事后公开时效(${percentText(o.kpis.publicationOnTime.rate)} 按期)`}>
                <EChart option={pieOf(o.publications, '公开情况')} label="期间内决定的公开情况" testId="chart-publications" />
              </ChartCard>
            </Row>
            <Card size="small" title="薄弱环节(指标高于总体水平的单位和执法事项)">
              <WeakSpotsTable rows={o.weakSpots} />
            </Card>
            <Card size="small">
              <Tabs
                items={[
                  { key: 'units', label: '按单位', children: <SubjectTable rows={o.byUnit} kind="unit" testId="stats-by-unit" /> },
                  { key: 'items', label: '按执法事项', children: <SubjectTable rows={o.byItem} kind="item" testId="stats-by-item" /> },
                ]}
              />
            </Card>
          </Flex>
        </Spin>
      )}
    </Flex>
  );
}
