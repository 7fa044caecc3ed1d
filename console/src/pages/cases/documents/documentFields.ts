import type { DocumentType, DocumentTypeInfo } from '../../../api/caseDocuments';

/**
 * Which fields of a document a person fills in. The case supplies most of a document (parties,
 * facts, evidence, bases, penalty, officers, dates, approvals); what only a person knows is in these
 * groups, and the form offers an input for each of a type's required fields in them, plus the
 * optional ones its template prints and the `extra` keys it reads. Everything else is left to the
 * server, which refuses to issue with `document_data_incomplete` if the case lacks something.
 */

export type FieldKind = 'text' | 'textarea' | 'date' | 'time' | 'days' | 'check' | 'orders' | 'lines' | 'serviceMethod' | 'servedDocument';

export type FieldGroup = 'record' | 'service' | 'content' | 'payment' | 'remedies' | 'contact' | 'other';

export interface FieldSpec {
  /** Dotted path into DocumentData. */
  readonly path: string;
  readonly label: string;
  readonly kind: FieldKind;
  /** Issuing refuses without it (unless the case supplies it). */
  readonly required: boolean;
  readonly group: FieldGroup;
  readonly hint?: string;
}

export const GROUP_TITLES: Readonly<Record<FieldGroup, string>> = {
  record: '笔录',
  service: '送达',
  content: '文书内容',
  payment: '罚款缴纳',
  remedies: '救济途径',
  contact: '联系方式',
  other: '其他',
};

const GROUP_ORDER: readonly FieldGroup[] = ['record', 'service', 'content', 'payment', 'remedies', 'contact', 'other'];

/** Person-supplied paths: these prefixes and exact paths (the rest come from the case). */
const PERSON_PREFIXES = ['contact.', 'payment.', 'remedies.', 'record.', 'service.', 'extra.', 'rights.'] as const;
const PERSON_PATHS = ['orders', 'dates.deadline', 'dates.document'] as const;

export function isPersonSupplied(path: string): boolean {
  return PERSON_PATHS.some((p) => p === path) || PERSON_PREFIXES.some((p) => path.startsWith(p));
}

interface Known {
  readonly label: string;
  readonly kind: FieldKind;
  readonly hint?: string;
}

const KNOWN: Readonly<Record<string, Known>> = {
  'record.startTime': { label: '开始时间', kind: 'time' },
  'record.endTime': { label: '结束时间', kind: 'time' },
  'record.place': { label: '地点', kind: 'text' },
  'record.recorder': { label: '记录人', kind: 'text' },
  'record.subject.name': { label: '被询问人（现场负责人）姓名', kind: 'text' },
  'record.subject.gender': { label: '性别', kind: 'text' },
  'record.subject.idNumber': { label: '身份证号码', kind: 'text' },
  'record.subject.workUnit': { label: '工作单位', kind: 'text' },
  'record.subject.position': { label: '职务', kind: 'text' },
  'record.subject.phone': { label: '联系电话', kind: 'text' },
  'record.subject.address': { label: '住址', kind: 'text' },
  'record.present': { label: '在场人（见证人）', kind: 'text' },
  'record.lines': { label: '笔录内容', kind: 'lines' },
  'service.document': { label: '送达文书名称及文号', kind: 'servedDocument', hint: '可从本案已签发的文书中选择' },
  'service.method': { label: '送达方式', kind: 'serviceMethod' },
  'service.recipient': { label: '收件人（受送达人或代收人）', kind: 'text' },
  'service.place': { label: '送达地点', kind: 'text' },
  'service.time': { label: '送达时间', kind: 'time' },
  orders: { label: '责令（处理）事项', kind: 'orders' },
  'dates.deadline': { label: '期限届满日', kind: 'date' },
  'dates.document': { label: '成文日期', kind: 'date', hint: '不填为签发当日;文号年份取此日期' },
  'rights.outcome': { label: '陈述、申辩（听证）情况', kind: 'textarea', hint: '如:当事人在规定期限内未提出陈述、申辩意见,也未申请听证。' },
  'rights.hearing': { label: '告知（已告知）听证权利', kind: 'check' },
  'rights.statementDays': { label: '陈述申辩期限（工作日）', kind: 'days', hint: '不填为 3 个工作日' },
  'rights.hearingDays': { label: '听证申请期限（工作日）', kind: 'days', hint: '不填为 5 个工作日' },
  'payment.bank': { label: '罚款缴纳银行', kind: 'text' },
  'payment.accountName': { label: '收款户名', kind: 'text' },
  'payment.account': { label: '收款账号', kind: 'text' },
  'payment.deadlineDays': { label: '缴纳期限（日）', kind: 'days', hint: '不填为 15 日' },
  'remedies.reconsiderationBody': { label: '行政复议机关', kind: 'text' },
  'remedies.reconsiderationPeriod': { label: '复议期限', kind: 'text', hint: '不填为六十日' },
  'remedies.litigationCourt': { label: '行政诉讼管辖法院', kind: 'text' },
  'remedies.litigationPeriod': { label: '起诉期限', kind: 'text', hint: '不填为六个月' },
  'contact.person': { label: '联系人', kind: 'text' },
  'contact.phone': { label: '联系电话', kind: 'text' },
  'contact.address': { label: '联系地址', kind: 'text' },
  'extra.execution': { label: '执行情况', kind: 'textarea', hint: '不填时按本案缴款记录生成' },
};

const SUBJECT = [
  'record.subject.gender',
  'record.subject.workUnit',
  'record.subject.position',
  'record.subject.phone',
  'record.subject.address',
];
const REMEDY_PERIODS = ['remedies.reconsiderationPeriod', 'remedies.litigationPeriod'];

/** Optional fields a template prints when given (beyond its required ones and its `extra` keys). */
const OPTIONAL: Partial<Record<DocumentType, readonly string[]>> = {
  inquiry_record: SUBJECT,
  inspection_record: ['record.subject.position', 'record.present'],
  rectification_order: ['remedies.reconsiderationBody', 'remedies.litigationCourt', ...REMEDY_PERIODS],
  penalty_prior_notice: ['rights.statementDays', 'rights.hearing', 'rights.hearingDays'],
  hearing_notice: ['rights.hearingDays'],
  penalty_decision: ['rights.hearing', 'payment.deadlineDays', ...REMEDY_PERIODS],
  handling_decision: REMEDY_PERIODS,
  service_receipt: ['service.recipient'],
};

function groupOf(path: string): FieldGroup {
  if (path.startsWith('record.')) return 'record';
  if (path.startsWith('service.')) return 'service';
  if (path.startsWith('payment.')) return 'payment';
  if (path.startsWith('remedies.')) return 'remedies';
  if (path.startsWith('contact.')) return 'contact';
  if (path === 'dates.document') return 'other';
  return 'content';
}

function kindOfExtra(description: string): FieldKind {
  if (description.includes('HH:mm')) return 'time';
  if (description.includes('每行') || /理由|情况|结果|备注/.test(description)) return 'textarea';
  return 'text';
}

/** `处理结果(不填时取处罚内容)` → label 处理结果, hint 不填时取处罚内容. */
function splitDescription(description: string): { label: string; hint?: string } {
  const match = /^([^(（]+)[(（](.+)[)）]$/.exec(description.trim());
  return match?.[1] && match[2] ? { label: match[1], hint: match[2] } : { label: description };
}

const LISTS: readonly FieldKind[] = ['lines', 'orders'];

/**
 * Required fields the server fills itself when left blank: the unit's 文书固定信息 (contact, fine
 * account, remedies) and what the case recorded (陈述申辩情况, the served documents' 文号). They are
 * not marked required here; the hint says where the value comes from.
 */
function filledByServer(path: string): string | undefined {
  if (path.startsWith('contact.') || path.startsWith('payment.') || path.startsWith('remedies.')) return '不填则取本机构的文书固定信息';
  if (path === 'rights.outcome') return '不填则按本案记录的陈述、申辩和听证情况生成';
  if (path === 'extra.decisionNumber') return '不填则取本案已送达的行政处罚决定书文号';
  if (path === 'extra.priorNoticeNumber') return '不填则取本案已送达的事先告知书文号';
  return undefined;
}

/** The inputs for a type, in a fixed group order; within a group as the template lists them, lists last. */
export function fieldSpecs(type: DocumentTypeInfo): FieldSpec[] {
  const specs = new Map<string, FieldSpec>();
  const add = (path: string, required: boolean, templateLabel?: string) => {
    if (specs.has(path) || !isPersonSupplied(path)) return;
    const known = KNOWN[path];
    const extraKey = path.startsWith('extra.') ? path.slice('extra.'.length) : undefined;
    const description = extraKey === undefined ? undefined : type.extraKeys[extraKey];
    const described = description ? splitDescription(description) : undefined;
    const filled = filledByServer(path);
    // 不填为 15 日 and the like: what the template prints when the 文书固定信息 does not set it either.
    const fallback = filled && known?.hint?.startsWith('不填为') ? `;未设置时为${known.hint.slice('不填为'.length)}` : '';
    specs.set(path, {
      path,
      // The template's own name for a required field, else ours, else the extra key's description.
      label: (required ? templateLabel : undefined) ?? known?.label ?? described?.label ?? templateLabel ?? path,
      kind: known?.kind ?? (description ? kindOfExtra(description) : 'text'),
      required: required && filled === undefined,
      group: extraKey === undefined ? groupOf(path) : 'content',
      hint: filled ? filled + fallback : (known?.hint ?? described?.hint),
    });
  };
  for (const r of type.required) add(r.path, true, r.label);
  for (const path of OPTIONAL[type.code] ?? []) add(path, false);
  if (type.required.some((r) => r.path.startsWith('contact.'))) add('contact.address', false);
  for (const [key, description] of Object.entries(type.extraKeys)) add(`extra.${key}`, false, description);
  add('dates.document', false);
  const order = (s: FieldSpec) => GROUP_ORDER.indexOf(s.group) * 2 + (LISTS.includes(s.kind) ? 1 : 0);
  return [...specs.values()].sort((a, b) => order(a) - order(b));
}

/** The form's name path for a dotted path (antd nests the values the same way as DocumentData). */
export const namePath = (path: string): string[] => path.split('.');
