import { Descriptions, Flex, Tag, Typography } from 'antd';
import { type PlanView, RISK_LABELS, type RiskClass } from '../../api/inspections';
import { ALGORITHM_LABELS } from './inspectionLabels';
import { samplingText } from './planForm';

const anyOf = (list: readonly string[]) => (list.length > 0 ? list.join('、') : '不限');

/** What the plan says: the items, the population filter, sampling, teams, algorithm, sources and dates. */
export function PlanSummary({ plan, compact }: { plan: PlanView; compact: boolean }) {
  return (
    <Descriptions
      column={compact ? 1 : 2}
      size="small"
      bordered
      styles={{ label: { width: compact ? 96 : 130 } }}
      data-testid="plan-summary"
      items={[
        {
          key: 'items',
          label: '抽查事项',
          span: compact ? 1 : 2,
          children: (
            <Flex vertical gap={2}>
              {plan.items.map((i) => (
                <span key={i.code}>
                  {i.code}(第 {i.versionNo} 版){i.name}
                </span>
              ))}
            </Flex>
          ),
        },
        { key: 'regions', label: '区域', children: anyOf(plan.filter.regions) },
        { key: 'industries', label: '行业', children: anyOf(plan.filter.industries) },
        {
          key: 'risk',
          label: '风险等级',
          children:
            plan.filter.riskClasses.length > 0 ? plan.filter.riskClasses.map((c) => RISK_LABELS[c as RiskClass] ?? c).join('、') : '不限',
        },
        { key: 'sampling', label: '抽取数量', children: samplingText(plan.sampling) },
        {
          key: 'team',
          label: '检查组',
          children: `每组 ${plan.teamSize} 人(${plan.field})${plan.maxTasksPerInspector === null ? '' : `,每人最多 ${plan.maxTasksPerInspector} 项任务`}`,
        },
        { key: 'algorithm', label: '抽取算法', children: ALGORITHM_LABELS[plan.algorithm] ?? plan.algorithm },
        {
          key: 'sources',
          label: '公开随机源',
          span: compact ? 1 : 2,
          children: (
            <Flex vertical gap={4}>
              {plan.sources.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the announced sources, in their announced order (never reordered).
                <span key={i}>
                  {i + 1}. {s.name}
                  {s.description && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {' '}
                      —— {s.description}
                    </Typography.Text>
                  )}
                  {s.values && (
                    <>
                      {' '}
                      <Tag color="processing" data-testid="plan-source-values">
                        {s.values.join(' ')}
                      </Tag>
                    </>
                  )}
                </span>
              ))}
            </Flex>
          ),
        },
        { key: 'drawOn', label: '抽取日期', children: plan.drawOn },
        { key: 'inspect', label: '检查期间', children: `${plan.inspectFrom} 至 ${plan.inspectTo}` },
        { key: 'code', label: '一次性码', children: plan.externalCode ? '本机构自行保管(抽取时录入)' : '平台生成并保管(抽取后公布)' },
        ...(plan.description ? [{ key: 'description', label: '说明', span: compact ? 1 : 2, children: plan.description }] : []),
      ]}
    />
  );
}
