import { Alert, Button, Flex, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { TEXT_BOX } from './PreviewPane';
import { KIND_COLORS, KIND_LABELS, MANUAL_REPLACEMENT, overlapping, type ReviewSpan, segmentsOf, trimSelection } from './redaction';

/**
 * The text offset of a selection boundary. Every segment is an element carrying its start offset with
 * a single text node inside, so a boundary in a text node is that start plus its offset; a boundary
 * between elements (a selection across segments, or made by the keyboard) falls on a segment's edge.
 */
function offsetOf(box: HTMLElement, node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const start = node.parentElement?.closest<HTMLElement>('[data-offset]')?.dataset.offset;
    return start === undefined ? null : Number(start) + offset;
  }
  if (node === box) {
    const child = box.children.item(offset);
    if (child instanceof HTMLElement && child.dataset.offset !== undefined) return Number(child.dataset.offset);
    const last = box.lastElementChild;
    return last instanceof HTMLElement && last.dataset.offset !== undefined
      ? Number(last.dataset.offset) + (last.textContent?.length ?? 0)
      : null;
  }
  if (node instanceof HTMLElement && node.dataset.offset !== undefined) {
    return Number(node.dataset.offset) + (offset === 0 ? 0 : (node.textContent?.length ?? 0));
  }
  return null;
}

/** The selection inside `box`, as offsets into the text, or null when there is none there. */
function selectionIn(box: HTMLElement): { start: number; end: number } | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return null;
  const start = offsetOf(box, range.startContainer, range.startOffset);
  const end = offsetOf(box, range.endContainer, range.endOffset);
  return start === null || end === null || end <= start ? null : { start, end };
}

function Highlight({ span }: { span: ReviewSpan }) {
  const { background, border } = KIND_COLORS[span.kind];
  const style = span.confirmed
    ? { background, color: 'inherit', borderBottom: `2px solid ${border}`, padding: '0 1px' }
    : { background: 'transparent', color: 'inherit', outline: `1px dashed ${border}`, padding: '0 1px' };
  const what = span.confirmed ? `将显示为“${span.replacement}”` : '不隐去';
  return (
    <mark
      data-offset={span.start}
      data-kind={span.kind}
      data-confirmed={span.confirmed}
      title={`${KIND_LABELS[span.kind]}:${what}`}
      style={style}
    >
      {span.text}
    </mark>
  );
}

export interface RedactionTextProps {
  text: string;
  spans: readonly ReviewSpan[];
  editable: boolean;
  /** A span the person selected and chose to hide. */
  onMark: (start: number, end: number, replacement: string) => void;
}

/** The issued text with every finding highlighted in its kind's colour; selecting text offers to hide it too. */
export function RedactionText({ text, spans, editable, onMark }: RedactionTextProps) {
  const box = useRef<HTMLElement>(null);
  const [picked, setPicked] = useState<{ start: number; end: number } | null>(null);
  const [replacement, setReplacement] = useState(MANUAL_REPLACEMENT);

  // selectionchange rather than mouseup: it also fires for touch and keyboard selection. A selection
  // elsewhere (or none) leaves the pick as it is, so pressing the button below does not lose it.
  useEffect(() => {
    if (!editable) return;
    const onChange = () => {
      const current = box.current ? selectionIn(box.current) : null;
      const trimmed = current ? trimSelection(text, current.start, current.end) : null;
      if (trimmed) setPicked(trimmed);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [editable, text]);

  const clash = picked ? overlapping(spans, picked.start, picked.end) : undefined;
  const mark = () => {
    if (!picked || clash || replacement.trim() === '') return;
    onMark(picked.start, picked.end, replacement.trim());
    setPicked(null);
    document.getSelection()?.removeAllRanges();
  };

  return (
    <Flex vertical gap={8}>
      {editable && !picked && (
        <Typography.Text style={{ fontSize: 12 }}>
          识别遗漏的个人信息(如住址、他人姓名):在下方全文中选中这段文字,即可标记隐去。
        </Typography.Text>
      )}
      {picked && (
        <Alert
          type={clash ? 'warning' : 'info'}
          data-testid="redaction-selection"
          title={
            clash
              ? `所选文字与已标注的“${clash.text}”(${KIND_LABELS[clash.kind]})重叠,请调整已有标注或重新选择。`
              : `已选中:“${text.slice(picked.start, picked.end)}”`
          }
          description={
            <Flex wrap gap={8} align="center">
              <Input
                size="small"
                value={replacement}
                maxLength={100}
                onChange={(e) => setReplacement(e.target.value)}
                aria-label="所选文字的替代内容"
                style={{ width: 160 }}
                data-testid="redaction-selection-replacement"
              />
              <Button
                size="small"
                type="primary"
                disabled={clash !== undefined || replacement.trim() === ''}
                onClick={mark}
                data-testid="redaction-mark"
              >
                隐去所选文字
              </Button>
              <Button size="small" onClick={() => setPicked(null)}>
                取消
              </Button>
            </Flex>
          }
        />
      )}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be read and selected. */}
      <section ref={box} style={TEXT_BOX} data-testid="redaction-text" tabIndex={0} aria-label="决定书全文(标注个人信息)">
        {segmentsOf(text, spans).map((segment) =>
          segment.span ? (
            <Highlight key={segment.span.key} span={segment.span} />
          ) : (
            <span key={`t${segment.start}`} data-offset={segment.start}>
              {text.slice(segment.start, segment.end)}
            </span>
          ),
        )}
      </section>
    </Flex>
  );
}
