import { Alert, Card, Col, Collapse, Empty, Flex, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { getReviewStats } from '../../api/reviews';
import { beijingToday } from '../../format';
import { useAsync } from '../../hooks/useAsync';

const TOP_PROBLEMS = 5;

/**
 * 法制审核统计 of the caller's scope, by year of submission (GET /api/reviews/stats): rounds, cleared,
 * mean turnaround (submission → opinion), share returned, per month, and the items most often found wrong.
 */
export function ReviewStatsCard() {
  const thisYear = Number(beijingToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const load = useCallback(() => getReviewStats(year), [year]);
  const stats = useAsync(load);
  const s = stats.data;

  return (
    <Card
      size="small"
      title="审核统计"
      style={{ marginBottom: 16 }}
      loading={stats.loading && !s}
      data-testid="review-stats"
      extra={
        <Select
          size="small"
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={[0, 1, 2, 3, 4].map((n) => ({ value: thisYear - n, label: `${thisYear - n} 年` }))}
        />
      }
    >
      {stats.error && stats.error.status !== 401 && <Alert type="error" showIcon title={stats.error.message} />}
      {s && (
        <>
          <Row gutter={[16, 8]}>
            <Col xs={12} md={6}>
              <Statistic title="送审轮次" value={s.rounds} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="审核同意(含集体讨论决定)" value={s.cleared} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title="平均用时(送审至出具意见)"
                value={s.averageTurnaroundDays ?? '—'}
                suffix={s.averageTurnaroundDays === null ? undefined : '天'}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title="退回比例"
                value={s.returnedShare === null ? '—' : (s.returnedShare * 100).toFixed(1)}
                suffix={s.returnedShare === null ? undefined : '%'}
              />
            </Col>
          </Row>
          <Flex wrap gap={6} align="center" style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">常见问题:</Typography.Text>
            {s.topProblems.length === 0 ? (
              <Typography.Text type="secondary">无</Typography.Text>
            ) : (
              s.topProblems.slice(0, TOP_PROBLEMS).map((p) => (
                <Tag key={p.key} color="red">
                  {p.label} {p.count}
                </Tag>
              ))
            )}
          </Flex>
          <Collapse
            ghost
            size="small"
            style={{ marginTop: 4 }}
            items={[
              {
                key: 'months',
                label: '按月统计',
                children:
                  s.months.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year} 年没有送审`} />
                  ) : (
                    <Table
                      size="small"
                      rowKey="month"
                      pagination={false}
                      dataSource={s.months}
                      columns={[
                        { title: '月份', dataIndex: 'month', key: 'month' },
                        { title: '送审', dataIndex: 'submitted', key: 'submitted' },
                        { title: '出具意见', dataIndex: 'concluded', key: 'concluded' },
                        { title: '退回', dataIndex: 'returned', key: 'returned' },
                      ]}
                    />
                  ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
