import { Card, Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { PlanView } from '../../api/inspections';
import { formatTime } from '../../format';
import { QuotasTable } from './PlanPreviewCard';

function Hash({ value, testId }: { value: string | null; testId?: string }) {
  if (!value) return <span>—</span>;
  return (
    <Typography.Text copyable code style={{ wordBreak: 'break-all', fontSize: 12 }} data-testid={testId}>
      {value}
    </Typography.Text>
  );
}

function LedgerLink({ index }: { index: number | null }): ReactNode {
  if (index === null) return '—';
  return (
    <Typography.Link href={`/api/ledger/entries/${index}`} target="_blank" rel="noopener">
      第 {index} 条
    </Typography.Link>
  );
}

/**
 * What the announcement froze and committed to, recorded in the ledger before the randomness existed;
 * after the draw, the code revealed and the draw's own ledger entry.
 */
export function AnnouncementCard({ plan, compact }: { plan: PlanView; compact: boolean }) {
  const a = plan.announcement;
  return (
    <Card size="small" title="公告内容(已冻结)" style={{ marginTop: 16 }} data-testid="plan-announcement">
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { width: compact ? 96 : 150 } }}
        items={[
          { key: 'at', label: '公告时间', children: formatTime(plan.announcedAt) },
          { key: 'ledger', label: '账本记录', children: <LedgerLink index={plan.announceLedgerIndex} /> },
          { key: 'commitment', label: '一次性码承诺值', children: <Hash value={plan.commitment} testId="plan-commitment-value" /> },
          {
            key: 'population',
            label: '检查对象',
            children: (
              <>
                <div>{plan.populationCount ?? 0} 个</div>
                <Hash value={plan.populationSha256} />
              </>
            ),
          },
          {
            key: 'inspectors',
            label: '执法检查人员',
            children: (
              <>
                <div>{a?.inspectorCount ?? 0} 人</div>
                <Hash value={a?.inspectorsSha256 ?? null} />
              </>
            ),
          },
          {
            key: 'conflicts',
            label: '利害关系',
            children: (
              <>
                <div>{a?.conflictCount ?? 0} 项</div>
                <Hash value={a?.conflictsSha256 ?? null} />
              </>
            ),
          },
          ...(plan.state === 'drawn'
            ? [
                { key: 'drawnAt', label: '抽取时间', children: formatTime(plan.drawnAt) },
                { key: 'drawLedger', label: '抽取账本记录', children: <LedgerLink index={plan.drawLedgerIndex} /> },
                { key: 'code', label: '一次性码(已公布)', children: <Hash value={plan.code} testId="plan-revealed-code" /> },
              ]
            : []),
        ]}
      />
      {a && (
        <div style={{ marginTop: 12 }}>
          <QuotasTable quotas={a.quotas} testId="announced-quotas" />
        </div>
      )}
    </Card>
  );
}
