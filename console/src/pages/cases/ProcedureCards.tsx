import { Card, Descriptions, Flex, Tag } from 'antd';
import type { CaseData, Deadline, Preservation } from '../../api/cases';

const COLUMNS = { xs: 1, sm: 1, md: 2 } as const;
const preWrap = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;

/** 先行登记保存: what was preserved and when, the 7-working-day limit, and the decision on it. */
export function PreservationsCard({
  preservations,
  deadlines,
}: {
  preservations: readonly Preservation[];
  deadlines: readonly Deadline[];
}) {
  return (
    <Card size="small" title="先行登记保存" style={{ marginBottom: 12 }} data-testid="case-preservations">
      <Flex vertical gap={12}>
        {preservations.map((p) => {
          const due = deadlines.find((d) => d.kind === 'preservationDecision' && d.ref === p.seq)?.due;
          return (
            <Descriptions
              key={p.seq}
              size="small"
              column={COLUMNS}
              data-testid={`case-preservation-${p.seq}`}
              items={[
                { key: 'on', label: '登记保存日期', children: `${p.preservedOn}(第 ${p.seq} 步)` },
                {
                  key: 'state',
                  label: '处理',
                  children:
                    p.disposedOn === null ? (
                      <Tag color="orange">待作出处理决定,期限 {due ?? '待定'}</Tag>
                    ) : (
                      <Tag color="green">{p.disposedOn} 已作出处理决定</Tag>
                    ),
                },
                { key: 'items', label: '物品清单', span: 'filled', children: <span style={preWrap}>{p.items}</span> },
                ...(p.disposal
                  ? [{ key: 'disposal', label: '处理决定', span: 'filled' as const, children: <span style={preWrap}>{p.disposal}</span> }]
                  : []),
              ]}
            />
          );
        })}
      </Flex>
    </Card>
  );
}

/** Statements are only appended, so their number (1-based) is what identifies one. */
const numbered = <T,>(list: readonly T[]) => list.map((st, index) => ({ st, no: index + 1 }));

/** 陈述、申辩 and their 复核: what the party said, whether it was adopted, and why. */
export function StatementsCard({ statements }: { statements: NonNullable<CaseData['statements']> }) {
  return (
    <Card size="small" title="陈述、申辩及复核" style={{ marginBottom: 12 }} data-testid="case-statements">
      <Flex vertical gap={12}>
        {numbered(statements).map(({ st, no }) => (
          <Descriptions
            key={no}
            size="small"
            column={COLUMNS}
            items={[
              { key: 'on', label: `第 ${no} 次陈述、申辩`, children: st.on },
              {
                key: 'verdict',
                label: '复核结论',
                children: st.adopted ? <Tag color="green">采纳</Tag> : <Tag>不予采纳</Tag>,
              },
              { key: 'statement', label: '陈述、申辩', span: 'filled', children: <span style={preWrap}>{st.statement}</span> },
              { key: 'opinion', label: '复核意见', span: 'filled', children: <span style={preWrap}>{st.opinion}</span> },
            ]}
          />
        ))}
      </Flex>
    </Card>
  );
}
