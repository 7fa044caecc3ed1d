import type { CatalogData, CatalogKind } from '../../api/catalog';
import { AV_RECORD_CATEGORIES, ITEM_CATEGORIES, REVIEW_RULE_TYPE_LABELS } from './catalogLabels';

/** What the console needs to know about each kind: names, filters and the portal pages that show it. */
export interface KindMeta {
  kind: CatalogKind;
  /** Tab title. */
  tab: string;
  /** What one entry is called in buttons and messages. */
  label: string;
  /** Column title of the list's category (the server's summary category). */
  categoryLabel: string;
  /** Fixed category values for the filter (free text otherwise). */
  categories?: readonly string[];
  /** Column title of the list's name. */
  nameLabel: string;
  /** Benchmarks and AV rules belong to an 执法事项 and can be filtered by it. */
  hasItemFilter: boolean;
  /** Example code shown in the create form. */
  codeExample: string;
  /** Segment of the portal's staff-only preview: /preview/<previewPath>/<code>?version=<versionId>. */
  previewPath: string;
  /** The public page showing the current version (the list pages are anchored at the entry). */
  publicUrl: (code: string) => string;
}

export const KIND_META: Readonly<Record<CatalogKind, KindMeta>> = {
  items: {
    kind: 'items',
    tab: '执法事项',
    label: '执法事项',
    categoryLabel: '事项类别',
    categories: ITEM_CATEGORIES,
    nameLabel: '事项名称',
    hasItemFilter: false,
    codeExample: 'RS-CF-001',
    previewPath: 'items',
    publicUrl: (code) => `/items/${encodeURIComponent(code)}`,
  },
  benchmarks: {
    kind: 'benchmarks',
    tab: '裁量基准',
    label: '裁量基准',
    categoryLabel: '违法行为类别',
    nameLabel: '违法行为',
    hasItemFilter: true,
    codeExample: 'RB0001',
    previewPath: 'benchmarks',
    publicUrl: (code) => `/benchmarks/${encodeURIComponent(code)}`,
  },
  'av-rules': {
    kind: 'av-rules',
    tab: '音像记录',
    label: '音像记录事项',
    categoryLabel: '音像记录类别',
    categories: AV_RECORD_CATEGORIES,
    nameLabel: '办理环节',
    hasItemFilter: true,
    codeExample: 'AV0001',
    previewPath: 'av-list',
    publicUrl: (code) => `/av-list#${encodeURIComponent(code)}`,
  },
  'review-rules': {
    kind: 'review-rules',
    tab: '法制审核目录',
    label: '法制审核目录规则',
    categoryLabel: '规则类型',
    categories: Object.values(REVIEW_RULE_TYPE_LABELS),
    nameLabel: '规则名称',
    hasItemFilter: false,
    codeExample: 'ZD001',
    previewPath: 'review-catalogue',
    publicUrl: (code) => `/review-catalogue#${encodeURIComponent(code)}`,
  },
  'window-boards': {
    kind: 'window-boards',
    tab: '公示牌',
    label: '岗位职责公示牌',
    categoryLabel: '窗口编号',
    nameLabel: '窗口名称',
    hasItemFilter: false,
    codeExample: 'CK01',
    previewPath: 'window-boards',
    publicUrl: (code) => `/windows/${encodeURIComponent(code)}`,
  },
};

export const previewUrl = (kind: CatalogKind, code: string, versionId: string) =>
  `/preview/${KIND_META[kind].previewPath}/${encodeURIComponent(code)}?version=${encodeURIComponent(versionId)}`;

/** The list columns, read from a version's data the way the server's summary does. */
export function summaryOf(data: CatalogData): { name: string; category: string; itemCode: string } {
  if ('step' in data) return { name: data.step, category: data.recordCategory, itemCode: data.itemCode };
  if ('ruleType' in data) return { name: data.name, category: REVIEW_RULE_TYPE_LABELS[data.ruleType] ?? data.ruleType, itemCode: '' };
  if ('windowNo' in data) return { name: data.name, category: data.windowNo, itemCode: '' };
  if ('tiers' in data) return { name: data.name, category: data.category, itemCode: data.itemCode };
  return { name: data.name, category: data.category, itemCode: '' };
}
