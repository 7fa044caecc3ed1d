import { FILE_STATE_LABELS, RETENTION_CLASSES, RETENTION_LABELS } from '../../api/archives';
import { routes } from '../../router';

/** The four properties of 四性检测 (DA/T 70-2018), in the report's order, and their names: the server's own. */
export { PROPERTIES, PROPERTY_LABELS } from '../../../../src/modules/archives/four-checks-report';

/** Where an item sits in the file (the conventional order of an enforcement case file). */
export const PART_LABELS: Readonly<Record<string, string>> = {
  cover: '封面',
  catalogue: '卷内目录',
  document: '执法文书',
  evidence: '证据材料',
  approval: '审批材料',
  notes: '备考表',
};

export const TRIGGER_LABELS: Readonly<Record<string, string>> = {
  acceptance: '接收归档时',
  supplement: '补充归档时',
  on_demand: '手动检测',
};

export const RETENTION_OPTIONS = RETENTION_CLASSES.map((r) => ({ value: r, label: RETENTION_LABELS[r] }));
export const FILE_STATE_OPTIONS = Object.entries(FILE_STATE_LABELS).map(([value, label]) => ({ value, label }));

export const FILE_STATE_COLORS: Readonly<Record<string, string>> = { archived: 'green', disposed: 'default' };
export const LIST_STATE_COLORS: Readonly<Record<string, string>> = {
  pending: 'gold',
  approved: 'blue',
  executed: 'default',
  rejected: 'red',
};

export type ArchivesTab = 'pending' | 'files' | 'disposal';

export const archivesUrl = (tab: ArchivesTab): string => `${routes.archives}?tab=${tab}`;
export const fileUrl = (id: string): string => `${routes.archives}?file=${encodeURIComponent(id)}`;

/** 页数 as filed: null is 声像 or not counted, shown as a dash. */
export const pagesText = (pages: number | null | undefined): string => (pages === null || pages === undefined ? '—' : String(pages));
