import { KIND_COLORS, KIND_LABELS, previewOf, type ReviewSpan } from './redaction';

export const TEXT_BOX = {
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-word',
  lineHeight: 1.9,
  maxHeight: '60vh',
  overflow: 'auto',
  padding: 8,
  border: '1px solid #d9d9d9',
  borderRadius: 6,
} as const;

/** The text as the public will read it, recomputed on every change: each replacement highlighted in its kind's colour. */
export function PreviewPane({ text, spans }: { text: string; spans: readonly ReviewSpan[] }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be read.
    <section style={TEXT_BOX} data-testid="redaction-preview" tabIndex={0} aria-label="公开预览">
      {previewOf(text, spans).map((part, i) =>
        part.span ? (
          <mark
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are recomputed whole; position is their identity.
            key={i}
            title={KIND_LABELS[part.span.kind]}
            style={{ background: KIND_COLORS[part.span.kind].background, color: 'inherit', padding: '0 1px' }}
          >
            {part.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <span key={i}>{part.text}</span>
        ),
      )}
    </section>
  );
}
