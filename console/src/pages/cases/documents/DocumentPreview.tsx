import { useEffect, useRef, useState } from 'react';

/** A4 at 96 dpi (210 mm), the width of the server's `.sx-document` page, plus the frame's margin. */
const PAGE_PX = 794;
const MARGIN_PX = 16;

/** The fragment as a page of its own: the server escapes every text; the frame adds isolation. */
function pageHtml(fragment: string, zoom: number): string {
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    `<style>html,body{margin:0;background:#f0f0f0}body{padding:${MARGIN_PX}px 0;zoom:${zoom}}</style>` +
    `</head><body>${fragment}</body></html>`
  );
}

/**
 * The server's HTML preview on an A4-like sheet. It sits in a sandboxed iframe (no scripts, no
 * same-origin access): its scoped style cannot touch the console and nothing in it can run. Narrow
 * screens see the whole page width, scaled down.
 */
export function DocumentPreview({ html, title }: { html: string; title: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const rescale = () => {
      const next = Math.min(1, Math.max(0.3, (element.clientWidth - 2) / (PAGE_PX + 2 * MARGIN_PX)));
      setZoom((z) => (Math.abs(z - next) > 0.01 ? Math.round(next * 100) / 100 : z));
    };
    rescale();
    const observer = new ResizeObserver(rescale);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={box} style={{ border: '1px solid #d9d9d9', borderRadius: 6, overflow: 'hidden', background: '#f0f0f0' }}>
      <iframe
        title={`${title}预览`}
        sandbox=""
        srcDoc={pageHtml(html, zoom)}
        style={{ display: 'block', width: '100%', height: `${Math.round(1180 * zoom)}px`, border: 0 }}
        data-testid="case-document-preview-frame"
      />
    </div>
  );
}
