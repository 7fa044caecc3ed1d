import type { PublicDecisionItem } from '../modules/publications/index.js';

// The feeds of /decisions: RSS 2.0, Atom 1.0, JSON Feed 1.1 and a CSV of the public fields. Pure: the
// caller reads the decisions and gives the site's absolute origin (http://host).

export interface FeedMeta {
  /** http(s)://host, no trailing slash. */
  origin: string;
  agencyName: string;
}

export const FEED_TITLE = '行政执法决定公开';
export const FEED_LIMIT = 50;

/** The feeds the /decisions page announces in its head (<link rel="alternate">). */
export const DECISION_ALTERNATES = [
  { type: 'application/rss+xml', title: `${FEED_TITLE}(RSS)`, href: '/decisions/feed.xml' },
  { type: 'application/atom+xml', title: `${FEED_TITLE}(Atom)`, href: '/decisions/atom.xml' },
  { type: 'application/feed+json', title: `${FEED_TITLE}(JSON Feed)`, href: '/decisions/feed.json' },
  { type: 'text/csv', title: `${FEED_TITLE}(CSV)`, href: '/decisions.csv' },
] as const;

const isXmlChar = (c: string): boolean => {
  const code = c.codePointAt(0) ?? 0;
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
};

/** Text as XML character data or attribute value: escaped, without characters XML 1.0 forbids. */
export function xmlText(text: string): string {
  return Array.from(text)
    .filter(isXmlChar)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const decisionUrl = (meta: FeedMeta, d: PublicDecisionItem) => `${meta.origin}/decisions/${encodeURIComponent(d.id)}`;

const itemTitle = (d: PublicDecisionItem) => [d.documentNumber ?? d.documentTitle, d.party, d.violation].filter((s) => s !== '').join(' ');

/** The 摘要 as one paragraph of text. */
export function summaryText(d: PublicDecisionItem): string {
  return [
    `文号:${d.documentNumber ?? '无'}`,
    `当事人:${d.party}`,
    `违法行为类型:${d.violation}`,
    `处罚内容:${d.penalty}`,
    `机关:${d.agency}`,
    `决定日期:${d.decidedOn}`,
  ].join(';');
}

const newest = (items: readonly PublicDecisionItem[]) => items[0]?.publishedAt ?? new Date(0).toISOString();

export function rssFeed(items: readonly PublicDecisionItem[], meta: FeedMeta): string {
  const entries = items.map((d) =>
    [
      '<item>',
      `<title>${xmlText(itemTitle(d))}</title>`,
      `<link>${xmlText(decisionUrl(meta, d))}</link>`,
      `<guid isPermaLink="true">${xmlText(decisionUrl(meta, d))}</guid>`,
      `<description>${xmlText(summaryText(d))}</description>`,
      `<category>${xmlText(d.documentTitle)}</category>`,
      `<pubDate>${new Date(d.publishedAt).toUTCString()}</pubDate>`,
      '</item>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xmlText(`${meta.agencyName} · ${FEED_TITLE}`)}</title>`,
    `<link>${xmlText(`${meta.origin}/decisions`)}</link>`,
    `<atom:link href="${xmlText(`${meta.origin}/decisions/feed.xml`)}" rel="self" type="application/rss+xml"/>`,
    `<description>${xmlText(`${meta.agencyName}依法公开的行政执法决定(最新 ${FEED_LIMIT} 件)`)}</description>`,
    '<language>zh-CN</language>',
    `<lastBuildDate>${new Date(newest(items)).toUTCString()}</lastBuildDate>`,
    ...entries,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

export function atomFeed(items: readonly PublicDecisionItem[], meta: FeedMeta): string {
  const entries = items.map((d) =>
    [
      '<entry>',
      `<id>${xmlText(decisionUrl(meta, d))}</id>`,
      `<title>${xmlText(itemTitle(d))}</title>`,
      `<link rel="alternate" type="text/html" href="${xmlText(decisionUrl(meta, d))}"/>`,
      `<published>${new Date(d.publishedAt).toISOString()}</published>`,
      `<updated>${new Date(d.publishedAt).toISOString()}</updated>`,
      `<summary>${xmlText(summaryText(d))}</summary>`,
      '</entry>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `<id>${xmlText(`${meta.origin}/decisions`)}</id>`,
    `<title>${xmlText(`${meta.agencyName} · ${FEED_TITLE}`)}</title>`,
    `<updated>${new Date(newest(items)).toISOString()}</updated>`,
    `<author><name>${xmlText(meta.agencyName)}</name></author>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(`${meta.origin}/decisions/atom.xml`)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlText(`${meta.origin}/decisions`)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

export function jsonFeed(items: readonly PublicDecisionItem[], meta: FeedMeta): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: `${meta.agencyName} · ${FEED_TITLE}`,
    home_page_url: `${meta.origin}/decisions`,
    feed_url: `${meta.origin}/decisions/feed.json`,
    language: 'zh-CN',
    authors: [{ name: meta.agencyName }],
    items: items.map((d) => ({
      id: decisionUrl(meta, d),
      url: decisionUrl(meta, d),
      title: itemTitle(d),
      content_text: summaryText(d),
      date_published: new Date(d.publishedAt).toISOString(),
      tags: [d.documentTitle],
    })),
  });
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A value
 * a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_HEADER = ['文号', '文书名称', '当事人', '违法行为类型', '处罚内容', '机关', '决定日期', '公开时间', '版本', '网址'];

/** The public fields, one decision a line: UTF-8 with a BOM (so Excel reads it as UTF-8), CRLF line ends. */
export function decisionsCsv(items: readonly PublicDecisionItem[], meta: FeedMeta): string {
  const lines = [CSV_HEADER, ...items.map((d) => csvLine(d, meta))].map((cells) => cells.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvLine(d: PublicDecisionItem, meta: FeedMeta): string[] {
  return [
    d.documentNumber ?? '',
    d.documentTitle,
    d.party,
    d.violation,
    d.penalty,
    d.agency,
    d.decidedOn,
    new Date(d.publishedAt).toISOString(),
    String(d.version),
    decisionUrl(meta, d),
  ];
}
