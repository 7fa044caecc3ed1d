import { type Block, type Cell, DEFAULT_WIDTHS, type DocContent } from './content.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: every markup character escaped, line breaks as <br>. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c).replace(/\r?\n/g, '<br>');
}

const SERIF = '"仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif';
const TITLE = '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "Source Han Serif SC", serif';

/** Scoped to the fragment's root class, so the preview can sit inside the console page. */
const STYLE = `
.sx-document{box-sizing:border-box;width:210mm;min-height:297mm;margin:0 auto;padding:37mm 26mm 35mm 28mm;background:#fff;color:#000;
font-family:${SERIF};font-size:16pt;line-height:28pt;text-align:justify;box-shadow:0 0 6px rgba(0,0,0,.25)}
.sx-document p{margin:0;word-break:break-all}
.sx-document .sx-indent{text-indent:2em}
.sx-document .sx-title{font-family:${TITLE};font-size:22pt;line-height:36pt;text-align:center;font-weight:normal;margin:0}
.sx-document .sx-number{text-align:center;margin-bottom:28pt}
.sx-document .sx-title-end{margin-bottom:28pt}
.sx-document table{width:100%;border-collapse:collapse;table-layout:fixed;margin-bottom:28pt}
.sx-document td{border:1px solid #000;padding:2pt 5pt;font-size:14pt;line-height:24pt;vertical-align:middle;word-break:break-all}
.sx-document td.sx-label{text-align:center;font-weight:bold}
.sx-document td.sx-tall{height:80pt;vertical-align:top}
.sx-document .sx-signature{margin-top:56pt;text-align:right;padding-right:4em}
.sx-document .sx-center{text-align:center}.sx-document .sx-right{text-align:right}
`.trim();

function paragraph(block: Extract<Block, { kind: 'paragraph' }>): string {
  const classes = [(block.indent ?? true) ? 'sx-indent' : '', block.align ? `sx-${block.align}` : ''].filter((c) => c !== '');
  const text = escapeHtml(block.text);
  return `<p${classes.length > 0 ? ` class="${classes.join(' ')}"` : ''}>${block.bold ? `<strong>${text}</strong>` : text}</p>`;
}

function cell(c: Cell): string {
  const classes = [c.label ? 'sx-label' : '', c.tall ? 'sx-tall' : ''].filter((x) => x !== '');
  const span = (c.span ?? 1) > 1 ? ` colspan="${c.span}"` : '';
  return `<td${span}${classes.length > 0 ? ` class="${classes.join(' ')}"` : ''}>${escapeHtml(c.text)}</td>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return paragraph(b);
    case 'table':
      return `<table><colgroup>${(b.widths ?? DEFAULT_WIDTHS).map((w) => `<col style="width:${Math.round(w * 1000) / 10}%">`).join('')}</colgroup><tbody>${b.rows
        .map((row) => `<tr>${row.map(cell).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'signature':
      return `<div class="sx-signature">${b.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`;
  }
}

/** The content as a self-contained HTML fragment (its own scoped style), every text escaped. */
export function htmlFromContent(content: DocContent): string {
  const head = [
    `<h1 class="sx-title">${escapeHtml(content.agency)}</h1>`,
    `<h2 class="sx-title${content.number === null ? ' sx-title-end' : ''}">${escapeHtml(content.title)}</h2>`,
    content.number === null ? '' : `<p class="sx-number">${escapeHtml(content.number)}</p>`,
  ].join('');
  return `<section class="sx-document" lang="zh-CN"><style>${STYLE}</style>${head}${content.blocks.map(block).join('')}</section>`;
}
