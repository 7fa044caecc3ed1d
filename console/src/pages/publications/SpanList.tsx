import { Button, Checkbox, Flex, Input, List, Typography } from 'antd';
import { KIND_COLORS, KIND_LABELS, type ReviewSpan, type SpanKind } from './redaction';

/** The kind as a coloured chip, the same colour as its highlight in the text. */
export function KindChip({ kind }: { kind: SpanKind }) {
  const { background, border } = KIND_COLORS[kind];
  return (
    <span style={{ background, border: `1px solid ${border}`, borderRadius: 4, padding: '0 6px', fontSize: 12, whiteSpace: 'nowrap' }}>
      {KIND_LABELS[kind]}
    </span>
  );
}

export interface SpanListProps {
  spans: readonly ReviewSpan[];
  editable: boolean;
  onChange: (key: string, patch: Partial<Pick<ReviewSpan, 'confirmed' | 'replacement'>>) => void;
  onRemove: (key: string) => void;
}

/**
 * Every finding and every span the person marked, in text order: tick to hide it, with what the
 * public reads instead. Public information (an organisation's address, the agency's account) starts unticked.
 */
export function SpanList({ spans, editable, onChange, onRemove }: SpanListProps) {
  return (
    <List
      size="small"
      bordered
      data-testid="redaction-list"
      locale={{ emptyText: '未识别出个人信息;如有遗漏,请在全文中选中文字手动标记' }}
      dataSource={[...spans]}
      renderItem={(s) => (
        <List.Item key={s.key} data-testid="redaction-item" data-kind={s.kind} data-text={s.text}>
          <Flex wrap gap={8} align="center" style={{ width: '100%' }}>
            <Checkbox
              checked={s.confirmed}
              disabled={!editable}
              onChange={(e) => onChange(s.key, { confirmed: e.target.checked })}
              aria-label={`隐去${KIND_LABELS[s.kind]}“${s.text}”`}
              data-testid="redaction-confirm"
            />
            <KindChip kind={s.kind} />
            <Typography.Text style={{ wordBreak: 'break-all' }} delete={s.confirmed && s.replacement !== s.text}>
              {s.text}
            </Typography.Text>
            <span aria-hidden="true">→</span>
            <Input
              size="small"
              value={s.replacement}
              disabled={!editable || !s.confirmed}
              maxLength={100}
              onChange={(e) => onChange(s.key, { replacement: e.target.value })}
              aria-label={`“${s.text}”的替代内容`}
              style={{ width: 180, maxWidth: '100%' }}
              data-testid="redaction-replacement"
            />
            {s.kind === 'manual' && editable && (
              <Button size="small" type="link" danger onClick={() => onRemove(s.key)} aria-label={`删除标记“${s.text}”`}>
                删除
              </Button>
            )}
            <Typography.Text style={{ fontSize: 12, flexBasis: '100%' }}>
              {s.reason ?? '人工标记'}
              {s.keep && ' · 公开信息,默认不隐去'}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
