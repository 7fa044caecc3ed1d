import { Descriptions, Flex, Tag, Typography } from 'antd';
import type { CaseView } from '../../api/cases';
import { useUnits } from '../../session/UnitsContext';
import { PROCEDURE_LABELS, stageColor } from './caseLabels';
import { DeadlineTag } from './DeadlineTag';

/** 案件编号, 案由, stage, item and the review flag, then the registration facts. */
export function CaseHeader({ view, today }: { view: CaseView; today: string }) {
  const { units } = useUnits();
  const unitName = units.find((u) => u.id === view.unitId)?.name ?? '—';
  // A deadline falling in a year whose holidays are not entered yet has no date (期限待定).
  const pending = view.data.deadlines.some((d) => d.closedOn === null && d.due === null);
  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="case-no">
          {view.caseNo}
        </Typography.Text>
        <Tag color={stageColor(view.stage)} data-testid="case-stage">
          {view.stageLabel}
        </Tag>
        {view.reviewRequired && <Tag color="red">须法制审核</Tag>}
      </Flex>
      <Typography.Title level={5} style={{ marginTop: 0, wordBreak: 'break-word' }}>
        {view.title}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 2 }}
        items={[
          {
            key: 'item',
            label: '执法事项',
            children: `${view.itemCode} ${view.data.itemName}(第 ${view.data.itemVersionNo} 版)`,
            span: 'filled',
          },
          { key: 'unit', label: '承办机构', children: unitName },
          { key: 'procedure', label: '程序', children: `${PROCEDURE_LABELS[view.procedure] ?? view.procedure} · 来源 ${view.source}` },
          { key: 'received', label: '收案日期', children: view.receivedOn },
          { key: 'filed', label: '立案日期', children: view.filedOn ?? '—' },
          {
            key: 'next',
            label: '最近期限',
            children: <DeadlineTag due={view.nextDeadline} today={today} emptyText={pending ? '待定(节假日安排尚未录入)' : '—'} />,
          },
          ...(view.closedOn ? [{ key: 'closed', label: '结案日期', children: view.closedOn }] : []),
          ...(view.data.summary ? [{ key: 'summary', label: '案情简述', children: view.data.summary, span: 'filled' as const }] : []),
        ]}
      />
    </>
  );
}
