/**
 * The fixed values of a case come from the server's own pure modules (procedure, case data, the
 * catalogue vocabulary); this file adds what only the console needs (tag colours, select options).
 */

export { DEFAULT_ITEM_STEPS } from '../../../../src/modules/cases/action-input';
export {
  HEARING_TYPES,
  inHearingScope,
  PUBLICATION_DAYS,
  SERVED_DOCUMENTS,
  SERVICE_METHODS,
} from '../../../../src/modules/cases/case-data';
export { SOURCES, STAGE_LABELS, STAGES } from '../../../../src/modules/cases/procedure';
export { PENALTY_TYPES } from '../../../../src/modules/catalog/vocabulary';

import { isStage, STAGE_LABELS, STAGES } from '../../../../src/modules/cases/procedure';
import { DOCUMENT_TYPES } from '../../../../src/modules/documents/types';

export const PROCEDURE_LABELS: Readonly<Record<string, string>> = { general: '一般程序', simple: '简易程序', inspection: '行政检查' };
export const PARTY_KIND_LABELS: Readonly<Record<string, string>> = { natural: '自然人', organization: '法人或其他组织' };
export const OFFICER_ROLE_LABELS: Readonly<Record<string, string>> = { lead: '主办', assist: '协办' };

/** Stage tags: open work blue, waiting on the party gold, decided purple, done green, ended without a penalty grey. */
const STAGE_COLORS: Readonly<Record<string, string>> = {
  registered: 'default',
  accepted: 'blue',
  investigating: 'blue',
  investigated: 'cyan',
  notified: 'gold',
  notice_served: 'gold',
  hearing_requested: 'orange',
  heard: 'orange',
  decided: 'purple',
  decision_served: 'purple',
  enforcement_applied: 'magenta',
  executed: 'green',
  closed: 'green',
  not_accepted: 'default',
  cancelled: 'default',
};

export const stageColor = (stage: string): string => STAGE_COLORS[stage] ?? 'default';
export const stageLabel = (stage: string): string => (isStage(stage) ? STAGE_LABELS[stage] : stage);

export const STAGE_OPTIONS = STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }));

/** Stages in which a fine is paid (登记缴款 is offered). */
export const PAYMENT_STAGES: readonly string[] = ['decision_served', 'enforcement_applied'];

export const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

export const yuan = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;

/** 《行政处罚决定书》 — a document type's title as the forms name it (the code itself when unknown). */
export const documentTitle = (code: string): string => DOCUMENT_TYPES.find((t) => t.code === code)?.title ?? code;
