import { Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { IssuedDocument } from '../../api/caseDocuments';
import type { Opinion, RoundView } from '../../api/reviews';
import { formatTime } from '../../format';
import { OpinionDocumentButton } from './OpinionDocumentButton';
import { CHECK_RESULT_COLORS, CHECK_RESULT_LABELS, checklistLabel, conclusionColor, conclusionLabel } from './reviewLabels';

const pre = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;

/** The problems of an opinion, numbered as the unit answers them, with the answers given in the next round. */
export function ProblemsList({
  problems,
  answers,
}: {
  problems: Opinion['problems'];
  answers?: readonly { problemNo: number; answer: string }[] | null;
}) {
  if (problems.length === 0) return null;
  return (
    <Flex vertical gap={6} data-testid="review-problems">
      {problems.map((p) => {
        const answer = answers?.find((a) => a.problemNo === p.no)?.answer;
        return (
          <div key={p.no} data-testid={`review-problem-${p.no}`}>
            <Typography.Text strong>问题 {p.no}</Typography.Text>
            <Tag style={{ marginInlineStart: 8 }}>{checklistLabel(p.key)}</Tag>
            <div style={pre}>{p.text}</div>
            {answer !== undefined && (
              <div style={{ ...pre, marginTop: 2 }}>
                <Typography.Text type="secondary">承办机构说明:</Typography.Text>
                {answer}
              </div>
            )}
          </div>
        );
      })}
    </Flex>
  );
}

function OpinionView({ opinion }: { opinion: Opinion }) {
  return (
    <Flex vertical gap={12}>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={opinion.checklist}
        columns={[
          { title: '审核事项', key: 'item', render: (_, e) => checklistLabel(e.key) },
          {
            title: '结论',
            key: 'result',
            width: 100,
            render: (_, e) => <Tag color={CHECK_RESULT_COLORS[e.result]}>{CHECK_RESULT_LABELS[e.result]}</Tag>,
          },
          { title: '审核意见', dataIndex: 'note', key: 'note', render: (n: string) => <span style={pre}>{n || '—'}</span> },
        ]}
      />
      {opinion.note && <div style={pre}>其他意见:{opinion.note}</div>}
      <Descriptions
        size="small"
        column={1}
        title={
          <Typography.Text type="secondary">意见书签名(以执法记录账本密钥对意见书 SHA-256 签名,可用公开的验证密钥离线核验)</Typography.Text>
        }
        items={opinion.signatures.map((s) => ({
          key: s.keyId,
          label: `${s.algorithm.toUpperCase()} · ${s.keyName} · ${s.keyId}`,
          children: (
            <Typography.Text code copyable={{ text: s.signature }} style={{ wordBreak: 'break-all' }}>
              {`${s.signature.slice(0, 32)}…`}
            </Typography.Text>
          ),
        }))}
      />
    </Flex>
  );
}

export interface RoundsHistoryProps {
  rounds: readonly RoundView[];
  documents: readonly IssuedDocument[];
  /** 姓名 of the person who concluded a round. */
  who: (userId: string | null) => string;
}

/** Every round, newest first: what was submitted and attested, the checklist opinion, its document and signatures. */
export function RoundsHistory({ rounds, documents, who }: RoundsHistoryProps) {
  if (rounds.length === 0) return <Empty description="尚无送审记录" />;
  return (
    <Flex vertical gap={12} data-testid="review-rounds">
      {[...rounds].reverse().map((round) => {
        const next = rounds.find((r) => r.roundNo === round.roundNo + 1);
        return (
          <Card
            key={round.roundNo}
            size="small"
            data-testid={`review-round-${round.roundNo}`}
            title={
              <Flex gap={8} wrap align="center">
                <span>第 {round.roundNo} 轮</span>
                <Tag color={conclusionColor(round.conclusion)}>{round.conclusion ? conclusionLabel(round.conclusion) : '审核中'}</Tag>
              </Flex>
            }
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {round.attestation.byName} 于 {formatTime(round.submittedAt)} 报送并承诺材料真实、准确、完整
              {round.concludedAt ? `;${who(round.concludedBy)} 于 ${formatTime(round.concludedAt)} 出具审核意见` : ''}
            </Typography.Paragraph>
            {round.opinionDocumentId && (
              <div style={{ marginBottom: 8 }}>
                <OpinionDocumentButton documentId={round.opinionDocumentId} documents={documents} />
              </div>
            )}
            {round.opinion && (
              <Flex vertical gap={12}>
                <ProblemsList problems={round.opinion.problems} answers={next?.answers} />
                <OpinionView opinion={round.opinion} />
              </Flex>
            )}
          </Card>
        );
      })}
    </Flex>
  );
}
