import { Alert, Descriptions, Flex, Tag, Typography } from 'antd';
import { type PublicationView, portalDecisionUrl } from '../../api/publications';
import { formatTime } from '../../format';
import { routes } from '../../router';
import { useUnits } from '../../session/UnitsContext';
import { PublicationDueTag } from './publicationColumns';
import { stateColor } from './publicationLabels';

/** 文号 and state, the 摘要 the public reads first, the unit and the 公开期限, and why it is kept back or withdrawn. */
export function PublicationHeader({ view, today }: { view: PublicationView; today: string }) {
  const { units } = useUnits();
  const unitName = units.find((u) => u.id === view.unitId)?.name ?? '—';
  // The 摘要 as it will be published (the draft), else as it was last published.
  const summary = view.draft?.summary ?? view.versions.at(-1)?.summary ?? null;
  const onPortal = view.state === 'published' || view.state === 'withdrawn';
  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="publication-number">
          {view.documentNumber ?? '(无文号)'}
        </Typography.Text>
        <Tag color={stateColor(view.state)} data-testid="publication-state">
          {view.stateLabel}
        </Tag>
        {view.currentVersion > 0 && <Tag>第 {view.currentVersion} 版</Tag>}
        {onPortal && (
          <Typography.Link href={portalDecisionUrl(view.id)} target="_blank" rel="noopener" data-testid="publication-portal-link">
            查看公开页面
          </Typography.Link>
        )}
      </Flex>
      {view.state === 'blocked' && (
        <Alert type="warning" showIcon title={`不予公开:${view.blockedReason ?? ''}`} style={{ marginBottom: 8 }} />
      )}
      {view.state === 'withdrawn' && (
        <Alert
          type="info"
          showIcon
          title={`已于 ${formatTime(view.withdrawnAt)} 撤回公开:${view.withdrawnReason ?? ''}`}
          style={{ marginBottom: 8 }}
          data-testid="publication-withdrawn"
        />
      )}
      {view.state === 'published' && view.revokedOn !== null && (
        <Alert
          type="error"
          showIcon
          title={`该决定已于 ${view.revokedOn} 登记为被撤销、变更或确认违法、无效,应当在 ${view.withdrawalDueOn ?? '三个工作日内'} 前撤回公开信息。`}
          style={{ marginBottom: 8 }}
          data-testid="publication-revoked"
        />
      )}
      {view.draft?.documentSuperseded && (
        <Alert type="warning" showIcon title="该决定书已被更正,请公开更正后的决定书。" style={{ marginBottom: 8 }} />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 3 }}
        data-testid="publication-summary"
        items={[
          { key: 'title', label: '文书名称', children: summary?.documentTitle ?? '—' },
          { key: 'party', label: '当事人', children: summary?.party ?? '—' },
          { key: 'violation', label: '违法行为类型', children: summary?.violation ?? '—' },
          { key: 'penalty', label: '处罚内容', children: summary?.penalty ?? '—' },
          { key: 'agency', label: '作出决定的机关', children: summary?.agency ?? '—' },
          { key: 'decidedOn', label: '决定日期', children: summary?.decidedOn ?? view.decidedOn },
          { key: 'category', label: '类别', children: view.categoryLabel },
          { key: 'unit', label: '承办机构', children: unitName },
          {
            key: 'case',
            label: '案件',
            children: (
              <Typography.Link href={`${routes.cases}?id=${encodeURIComponent(view.caseId)}`} target="_blank" rel="noopener">
                {view.caseNo}
              </Typography.Link>
            ),
          },
          { key: 'due', label: '公开期限', children: view.dueOn ?? '待定' },
          ...(view.publishedAt ? [{ key: 'publishedAt', label: '公开时间', children: formatTime(view.publishedAt) }] : []),
          ...(view.expiresOn ? [{ key: 'expiresOn', label: '公示期满', children: view.expiresOn }] : []),
          { key: 'now', label: '当前期限', span: 'filled' as const, children: <PublicationDueTag item={view} today={today} /> },
        ]}
      />
    </>
  );
}
