import { type PublicPlan, RISK_LABELS } from '../modules/inspections/index.js';
import { type Crumb, disclosureCrumbs, shanghaiTime, withQuery } from './page-kit.js';

// 双随机、一公开 on the portal: what the pages share (tabs, breadcrumbs) and the plain-language texts of a
// plan's announcement (population filter, sampling, algorithm), kept apart from the routes.

export const SECTION: Crumb = { href: '/inspections', label: '双随机、一公开' };

export type InspectionTab = 'items' | 'plans' | 'results';

const TABS: readonly { key: InspectionTab; href: string; label: string }[] = [
  { key: 'items', href: '/inspections/items', label: '抽查事项清单' },
  { key: 'plans', href: '/inspections/plans', label: '抽查计划' },
  { key: 'results', href: '/inspections/results', label: '抽查结果' },
];

/** The section's tabs, the current one marked (rendered by the `inspections/tabs` partial). */
export const inspectionTabs = (active: InspectionTab | null) => TABS.map((t) => ({ ...t, current: t.key === active }));

export const inspectionCrumbs = (): Crumb[] => disclosureCrumbs(SECTION);

/** Pages 1…n of a list with the links to the neighbours (null at the ends); `hash` is appended to each link. */
export function paging(base: string, values: Record<string, string>, page: number, total: number, pageSize: number, hash = '') {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const url = (n: number) => `${withQuery(base, { ...values, page: n === 1 ? '' : String(n) })}${hash}`;
  return {
    page,
    pages,
    prevUrl: page > 1 ? url(Math.min(page - 1, pages)) : null,
    nextUrl: page < pages ? url(page + 1) : null,
  };
}

/** A stratum of the sampling: a risk class with its meaning, or 「全部」 for a plan drawn at one rate. */
export const stratumLabel = (stratum: string): string =>
  stratum in RISK_LABELS ? (RISK_LABELS[stratum as keyof typeof RISK_LABELS] ?? stratum) : stratum === '全部' ? '全部检查对象' : stratum;

/** The stratum as a table cell: 「A 类」, or 「全部」. */
export const stratumShort = (stratum: string): string => (stratum in RISK_LABELS ? `${stratum} 类` : stratum);

const listOrAny = (values: readonly string[]): string => (values.length === 0 ? '不限' : values.join('、'));

/** The population filter in words: 所属区域, 行业, 风险等级 (an empty list is any). */
export function filterRows(filter: PublicPlan['filter']): { label: string; value: string }[] {
  return [
    { label: '所属区域', value: listOrAny(filter.regions) },
    { label: '行业', value: listOrAny(filter.industries) },
    { label: '风险等级', value: filter.riskClasses.length === 0 ? '不限' : filter.riskClasses.map(stratumLabel).join('、') },
  ];
}

/** The sampling rule in words: one rate for all, or one per risk class (差异化抽查). */
export function samplingText(sampling: PublicPlan['sampling']): string {
  const unit = sampling.mode === 'percent' ? '%' : ' 个';
  const entries = Object.entries(sampling.values);
  if (entries.length === 1 && entries[0]?.[0] === '全部') {
    const value = entries[0][1];
    return sampling.mode === 'percent' ? `按名录的 ${value}% 抽取` : `抽取 ${value} 个`;
  }
  const parts = entries.map(([stratum, value]) => `${stratum} 类 ${value}${unit}`);
  return `按风险等级分别${sampling.mode === 'percent' ? '按比例' : '按数量'}抽取:${parts.join(';')}`;
}

interface AlgorithmText {
  name: string;
  explanation: string;
}

const ALGORITHM_TEXTS: Readonly<Record<string, AlgorithmText>> = {
  vrs: {
    name: '排序位置法(VRS,sanxiang-draw/1)',
    explanation:
      '把各随机源的开奖号码按 RFC 3797 的规则拼成一串「键串」,与一次性码一起经 HKDF-SHA256 算出一把密钥;再用这把密钥为名录中每个检查对象,根据它自己的统一社会信用代码算出一个「排序位置」。每个风险类别中排序位置最小的若干个对象被抽中。一个对象的位置只取决于密钥和它自己的代码,名录中增减其他对象不会改变其余对象的先后。',
  },
  rfc3797: {
    name: 'RFC 3797 逐个抽取法(sanxiang-draw/1)',
    explanation:
      '按互联网标准 RFC 3797 的公开方法:把开奖号码拼成「键串」,每抽一个对象计算一次 MD5 摘要,用摘要值除以尚未抽中的对象数所得的余数决定抽中名录(按统一社会信用代码排序)中的第几个,抽中的对象移出后再抽下一个。',
  },
};

export const algorithmText = (algorithm: string): AlgorithmText =>
  ALGORITHM_TEXTS[algorithm] ?? { name: algorithm, explanation: '见抽取算法说明(docs/draws.md)。' };

export const TEAM_EXPLANATION =
  '检查组:对每个抽中的检查对象,用同一把密钥依次从公告的执法检查人员名录中抽取人员;与该对象申报了利害关系的人员回避,由下一位抽到的人员替补;已达每人任务上限的人员跳过。';

/** What the plan's page says about how the code was kept (the commitment is public either way). */
export const codeKeeperText = (externalCode: boolean): string =>
  externalCode
    ? '一次性码由承办机构自行生成并保管,公告时只公布其 SHA-256 摘要(承诺值);抽取时录入一次性码,平台核对其摘要与承诺值一致后方可抽取。'
    : '一次性码由平台生成并保管,公告时只公布其 SHA-256 摘要(承诺值);抽取时平台公布一次性码本身。';

/** The announced sources, with the numbers once drawn (one line per source for the verify form). */
export function sourceViews(sources: PublicPlan['sources']) {
  return sources.map((s, i) => ({ no: i + 1, name: s.name, description: s.description, valuesText: s.values ? s.values.join(' ') : '' }));
}

export const sourcesFormText = (sources: PublicPlan['sources']): string => sources.map((s) => (s.values ?? []).join(' ')).join('\n');

/** The list row of a plan: state, unit, draw day, population and the number drawn (or to be drawn). */
export function planRow(p: PublicPlan) {
  const planned = p.announcement ? p.announcement.quotas.reduce((n, q) => n + q.count, 0) : null;
  return {
    id: p.id,
    url: `/draws/${encodeURIComponent(p.id)}`,
    title: p.title,
    year: p.year,
    unitName: p.unitName,
    state: p.state,
    stateLabel: p.stateLabel,
    drawOn: p.drawOn,
    populationCount: p.populationCount,
    drawnText: p.targetCount !== null ? `${p.targetCount} 个` : planned !== null ? `拟抽 ${planned} 个` : '—',
    announcedAtText: p.announcedAt ? shanghaiTime(p.announcedAt) : '',
  };
}
