import { Collapse, Descriptions, Divider, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ReviewPackage, RoundView } from '../../api/reviews';
import { formatTime } from '../../format';
import { DocumentPreview } from '../cases/documents/DocumentPreview';
import { shortHash } from '../cases/documents/documentColumns';
import { BASIS_ROLES, PARTY_KINDS, proposalText } from './reviewLabels';

const pre = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;

function Hash({ sha256 }: { sha256: string | undefined }) {
  if (!sha256) return <Typography.Text type="secondary">无文件(文字记录)</Typography.Text>;
  return (
    <Typography.Text code copyable={{ text: sha256, tooltips: ['复制完整哈希', '已复制'] }} title={sha256}>
      {shortHash(sha256)}
    </Typography.Text>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start" style={{ margin: '16px 0 8px' }}>
        {title}
      </Divider>
      {children}
    </>
  );
}

function benchmarkText(b: NonNullable<ReviewPackage['benchmark']>): string {
  const range = b.rangeYuan ? `${b.rangeYuan[0]}–${b.rangeYuan[1]} 元` : '不处罚款';
  const within = b.withinTier ? '拟处罚在幅度内' : `偏离幅度,理由:${b.reason || '(未说明)'}`;
  return `${b.code} ${b.name} · ${b.tier}(${range}),${within}`;
}

/** 送审材料 of one round, exactly as frozen at submission (its SHA-256 shown), with the draft decision as rendered. */
export function PackageView({ round }: { round: RoundView }) {
  const p = round.package;
  return (
    <div data-testid="review-package">
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'statement',
            label: '情况说明',
            children: (
              <div style={pre} data-testid="review-statement">
                {p.statement}
              </div>
            ),
          },
          { key: 'item', label: '执法事项', children: `${p.item.code} ${p.item.name}` },
          {
            key: 'parties',
            label: '当事人',
            children: p.parties.map((x) => `${x.name}(${PARTY_KINDS[x.kind] ?? x.kind},${x.idNo})`).join(';'),
          },
          { key: 'facts', label: '违法事实', children: <div style={pre}>{p.facts}</div> },
          { key: 'proposal', label: '拟作出的处罚', children: <span data-testid="review-proposal">{proposalText(p.proposal)}</span> },
          { key: 'benchmark', label: '裁量基准', children: p.benchmark ? benchmarkText(p.benchmark) : '—' },
          { key: 'officers', label: '执法人员', children: p.officers.map((o) => `${o.name}(${o.certificateNo})`).join('、') || '—' },
          {
            key: 'hearing',
            label: '听证',
            children: p.hearing
              ? `${p.hearing.heldOn} 举行听证${p.hearing.recordNumber ? `,听证笔录 ${p.hearing.recordNumber}` : ''}`
              : '未举行听证',
          },
          {
            key: 'attestation',
            label: '承办机构承诺',
            children: `${round.attestation.text}(${round.attestation.byName},${formatTime(round.attestation.at)})`,
          },
          {
            key: 'sha',
            label: '送审材料 SHA-256',
            children: (
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {round.packageSha256}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Section title={`证据(${p.evidence.length})`}>
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={p.evidence}
          columns={[
            { title: '证据', dataIndex: 'description', key: 'd', render: (d: string) => <span style={pre}>{d}</span> },
            { title: 'SHA-256', key: 'h', width: 200, render: (_, e) => <Hash sha256={e.sha256} /> },
          ]}
        />
      </Section>
      <Section title="法律依据">
        <Table
          size="small"
          rowKey={(b) => `${b.law}${b.article}${b.role}`}
          pagination={false}
          dataSource={p.legalBases}
          columns={[
            { title: '法律、法规、规章', dataIndex: 'law', key: 'law' },
            { title: '条款', dataIndex: 'article', key: 'article' },
            { title: '类型', dataIndex: 'role', key: 'role', width: 100, render: (r: string) => BASIS_ROLES[r] ?? r },
          ]}
        />
      </Section>
      <Section title="其他报告">
        {p.reports.length === 0 ? (
          <Typography.Text type="secondary">未附其他报告</Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            {p.reports.map((r) => (
              <Flex key={r.evidenceId} gap={8} wrap>
                <Typography.Link href={`/console/evidence?id=${encodeURIComponent(r.evidenceId)}`} target="_blank" rel="noopener">
                  {r.description}
                </Typography.Link>
                <Hash sha256={r.sha256} />
              </Flex>
            ))}
          </Flex>
        )}
      </Section>
      <Section title="决定书草稿">
        <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
          <Tag>由平台按拟处罚内容生成</Tag>
          <Hash sha256={p.draftDecision.sha256} />
        </Flex>
        <Collapse
          size="small"
          items={[
            {
              key: 'draft',
              label: '展开决定书草稿',
              children: p.draftDecision.html ? <DocumentPreview html={p.draftDecision.html} title="行政处罚决定书草稿" /> : <Empty />,
            },
          ]}
        />
      </Section>
    </div>
  );
}
