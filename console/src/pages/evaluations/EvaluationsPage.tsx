import { Card, Tabs, Typography } from 'antd';
import { navigate, useLocation } from '../../router';
import { EvaluationForm } from './EvaluationForm';
import { type EvaluationsTab, evaluationsUrl } from './evaluationUrls';
import { RoundDetail } from './RoundDetail';
import { RoundsTab } from './RoundsTab';
import { SheetTab } from './SheetTab';

const TABS: readonly EvaluationsTab[] = ['rounds', 'sheet'];

/**
 * 案卷评查: 评查活动 (rounds: a random sample of a year's archived files, each scored against the sheet,
 * results per unit and officer) and 评查标准 (the versioned scoring sheet). A round (`?round=`) and one
 * file's form (`?evaluation=`) have their own addresses, so a link lands where it should.
 */
export function EvaluationsPage() {
  const { search } = useLocation();
  const roundId = search.get('round');
  const evaluationId = search.get('evaluation');
  if (evaluationId) return <EvaluationForm id={evaluationId} />;
  if (roundId) return <RoundDetail id={roundId} />;
  const tab = TABS.find((t) => t === search.get('tab')) ?? 'rounds';
  return (
    <Card title="案卷评查">
      <Typography.Paragraph type="secondary">
        政策法规科按评查标准对已归档案卷进行评查:发起评查活动时从该年度已归档案卷中随机抽取(随机种子和抽取结果记入账本,可复核),
        系统对每件案卷自动检查文书缺失、超过期限、缺少音像记录和偏离裁量基准未说明理由的情况并预填扣分,评查人员逐项核实、评分后提交,
        提交后不可更改。评查结果按单位和执法人员汇总,可导出 Excel。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(evaluationsUrl(TABS.find((t) => t === key) ?? 'rounds'))}
        items={[
          { key: 'rounds', label: <span data-testid="evaluations-tab-rounds">评查活动</span>, children: <RoundsTab /> },
          { key: 'sheet', label: <span data-testid="evaluations-tab-sheet">评查标准</span>, children: <SheetTab /> },
        ]}
      />
    </Card>
  );
}
