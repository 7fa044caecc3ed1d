import { Alert, Card, Col, Row } from 'antd';
import { useRef, useState } from 'react';
import type { DraftView, PublicationView } from '../../api/publications';
import { useCan } from '../../session/SessionContext';
import { PreviewPane } from './PreviewPane';
import { PublishPanel } from './PublishPanel';
import { RedactionText } from './RedactionText';
import { byPosition, previewText, problemsOf, type ReviewSpan, spansForCorrection, spansFromFindings } from './redaction';
import { SpanList } from './SpanList';

/**
 * The redaction review: what the recognizers found (ticked unless public), what the person marks
 * themselves, the full text highlighted beside the text the public will read, and 公开 / 更正.
 * A correction starts from the spans confirmed for the version in force.
 */
export function RedactionWorkspace({
  view,
  draft,
  onUpdated,
}: {
  view: PublicationView;
  draft: DraftView;
  onUpdated: (next: PublicationView, what: string) => void;
}) {
  const can = useCan();
  const allowed = can('publication.publish');
  const editable = allowed && !draft.documentSuperseded;
  // A correction starts from what was confirmed for the version in force (when it was confirmed on this
  // same text); otherwise from the recognizers' proposal. The alert below says whether it matches.
  const current = view.state === 'published' ? view.versions.at(-1) : undefined;
  const [spans, setSpans] = useState<ReviewSpan[]>(() =>
    current?.confirmed && current.sourceTextSha256 === draft.textSha256
      ? spansForCorrection(draft.text, draft.findings, current.confirmed)
      : spansFromFindings(draft.findings),
  );
  const manualCount = useRef(0);

  const change = (key: string, patch: Partial<Pick<ReviewSpan, 'confirmed' | 'replacement'>>) =>
    setSpans((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const remove = (key: string) => setSpans((all) => all.filter((s) => s.key !== key));
  const mark = (start: number, end: number, replacement: string) => {
    manualCount.current += 1;
    const added: ReviewSpan = {
      key: `m${manualCount.current}`,
      kind: 'manual',
      start,
      end,
      text: draft.text.slice(start, end),
      replacement,
      confirmed: true,
      reason: null,
      keep: false,
    };
    setSpans((all) => [...all, added].sort(byPosition));
  };

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Alert
          type="info"
          showIcon
          title={`系统在决定书全文中识别出 ${draft.findings.length} 处个人信息。请逐项核对:勾选的将以替代内容公开,未勾选的原样公开;识别遗漏的,在全文中选中文字手动标记。`}
        />
      </Col>
      {current && (
        <Col span={24}>
          {previewText(draft.text, spans) === current.text ? (
            <Alert type="success" showIcon title={`当前标注与第 ${current.version} 版公开文本一致。修改标注或替代内容后,可发布更正。`} />
          ) : (
            <Alert
              type="warning"
              showIcon
              title={`当前标注与第 ${current.version} 版公开文本不同:发布更正后以右侧预览为准(现公开文本见“已公开版本”)。`}
              data-testid="redaction-differs"
            />
          )}
        </Col>
      )}
      <Col span={24}>
        <SpanList spans={spans} editable={editable} onChange={change} onRemove={remove} />
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title="决定书全文(标注)">
          <RedactionText text={draft.text} spans={spans} editable={editable} onMark={mark} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title="公开预览">
          <PreviewPane text={draft.text} spans={spans} />
        </Card>
      </Col>
      <Col span={24}>
        <PublishPanel view={view} draft={draft} spans={spans} problems={problemsOf(spans)} allowed={allowed} onUpdated={onUpdated} />
      </Col>
    </Row>
  );
}
