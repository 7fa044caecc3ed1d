import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { BlobStore } from '../../platform/blobs/index.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { type BenchmarkData, benchmarkKind, entryVersion, type ItemData, itemKind } from '../catalog/index.js';
import {
  type DocumentData,
  type DocumentType,
  documentType,
  type IssuedDocument,
  isArchivalType,
  issueDocument,
  listCaseDocuments,
  renderHtml,
  unitProfileFor,
} from '../documents/index.js';
import { evidenceFacts } from '../evidence/index.js';
import { getCase } from './case-service.js';
import { canOnCase } from './policy.js';
import * as repo from './repository.js';
import { checkReviewClearance } from './review-gate.js';
import type { CaseView } from './views.js';

// 执法文书 of a case: the document's data is drawn from the case (parties, item, facts, evidence with
// hashes, legal bases of the chosen benchmark, penalty, officers, dates, approvals); what only a person
// can supply (a 笔录's questions and answers, contact, payment account, an order's deadline) comes with
// the request and overrides what the case gives.

const EVIDENCE_LABELS: Readonly<Record<string, string>> = { photo: '照片', audio: '录音', video: '录像', document: '书证' };

async function agencyAndUnit(db: Kysely<Database>, unitId: string): Promise<{ agencyName: string; unitName: string }> {
  const units = await db.selectFrom('units').select(['id', 'name', 'parent_id']).execute();
  return { agencyName: units.find((u) => u.parent_id === null)?.name ?? '', unitName: units.find((u) => u.id === unitId)?.name ?? '' };
}

/** 执行情况 from the recorded payments ('' when nothing was paid). */
function execution(c: CaseView): string {
  if (c.payments.length === 0) return '';
  const total = c.payments.reduce((sum, p) => sum + p.amountYuan, 0);
  const receipts = c.payments.map((p) => `${p.paidOn} 缴款 ${p.amountYuan} 元(凭证号 ${p.receiptNo})`).join(';');
  return `已缴纳罚款共计 ${total} 元:${receipts}。`;
}

const bare = (sentence: string) => sentence.trim().replace(/[。.;；]+$/, '');

/** 陈述、申辩（听证）情况 as a decision states it, from what the case recorded; '' while nothing can be said yet. */
export function rightsOutcome(c: CaseView): string {
  const notice = c.data.notice;
  if (!notice?.service) return '';
  const parts: string[] = [];
  if (notice.rightsWaived) parts.push('当事人书面放弃陈述、申辩和听证的权利。');
  for (const st of c.data.statements ?? []) {
    parts.push(
      `当事人于${st.on}提出陈述、申辩意见:${bare(st.statement)}。经复核,${st.adopted ? '予以采纳' : '不予采纳'}:${bare(st.opinion)}。`,
    );
  }
  const hearing = c.data.hearing;
  if (hearing?.heldOn) parts.push(`当事人于${hearing.requestedOn}申请听证,本机关于${hearing.heldOn}依法举行了听证。`);
  else if (hearing) parts.push(`当事人于${hearing.requestedOn}申请听证。`);
  const periodOver = c.data.deadlines.some((d) => d.kind === 'hearingRequest' && d.closedOn !== null) || c.data.decision !== null;
  if (parts.length === 0 && periodOver) {
    parts.push(
      notice.hearingOffered ? '当事人在规定期限内未提出陈述、申辩意见,也未要求听证。' : '当事人在规定期限内未提出陈述、申辩意见。',
    );
  }
  return parts.join('');
}

/** 文号 of the documents a later one cites (the served 事先告知书, the served 决定书). */
function citedNumbers(c: CaseView): Record<string, string> {
  const extra: Record<string, string> = {};
  const notice = c.data.notice?.service?.documentNumber;
  const decision = c.data.decision?.service?.documentNumber;
  if (notice) extra.priorNoticeNumber = notice;
  if (decision) extra.decisionNumber = decision;
  return extra;
}

/** What the case itself says for a document. */
export async function caseDocumentData(db: Kysely<Database>, c: CaseView): Promise<DocumentData> {
  const item = await entryVersion<ItemData>(db, itemKind, c.itemVersionId);
  const chosen = c.data.decision?.benchmark ?? c.data.notice?.benchmark ?? null;
  const benchmark = chosen ? await entryVersion<BenchmarkData>(db, benchmarkKind, chosen.versionId) : undefined;
  const evidenceIds = c.steps.flatMap((s) => (Array.isArray(s.data.evidenceIds) ? (s.data.evidenceIds as string[]) : []));
  const evidence = await evidenceFacts(db, evidenceIds);
  const party = c.parties[0];
  const penalty = c.data.decision?.penalty ?? c.data.notice?.penalty;
  const finding = [...c.steps].reverse().find((s) => s.action === 'end_investigation');
  const signers = [...new Set(c.steps.map((s) => s.createdBy))];
  const names = new Map(
    signers.length === 0
      ? []
      : (await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', signers).execute()).map(
          (u) => [u.id, u.display_name] as const,
        ),
  );
  const stepOn = (action: string) => c.steps.find((s) => s.action === action)?.performedOn;
  const legalBases = benchmark
    ? [
        ...benchmark.data.violationBases.map((b) => ({ ...b, role: 'violated' as const })),
        ...benchmark.data.penaltyBases.map((b) => ({ ...b, role: 'penalty' as const })),
      ]
    : (item?.data.legalBases ?? []).map((b) => ({ ...b, role: 'penalty' as const }));
  // 联系方式, fine account and 救济途径: the unit's 文书固定信息 (or its nearest ancestor's), set once by the admin.
  const profile = (await unitProfileFor(db, c.unitId)) ?? {};
  return {
    ...profile,
    ...(await agencyAndUnit(db, c.unitId)),
    case: { number: c.caseNo, title: c.title, source: c.source },
    party: party && {
      kind: party.kind === 'natural' ? 'natural' : 'organization',
      name: party.name,
      idNumber: party.idNo,
      address: party.address,
      legalRepresentative: party.legalRepresentative,
      phone: party.phone,
    },
    item: { code: c.itemCode, name: c.data.itemName },
    facts: typeof finding?.data.note === 'string' && finding.data.note !== '' ? finding.data.note : c.data.summary,
    // The investigation records (询问、检查) are evidence too; stored files carry their hashes.
    evidence: [
      ...c.steps
        .filter((s) => s.action === 'investigate' && typeof s.data.note === 'string' && s.data.note !== '')
        .map((s) => ({ description: `调查取证记录(${s.performedOn}):${String(s.data.note)}` })),
      ...evidence.map((e) => ({ description: `${EVIDENCE_LABELS[e.kind] ?? e.kind}(${e.recordedAt.slice(0, 10)})`, sha256: e.sha256 })),
    ],
    legalBases,
    discretion: chosen
      ? {
          benchmarkCode: chosen.code,
          benchmarkName: benchmark?.data.name ?? '',
          tier: `第 ${chosen.tierNo} 阶次(${chosen.tierLevel})`,
          reason: chosen.departureReason,
        }
      : undefined,
    penalty: penalty && { types: penalty.types, amountYuan: penalty.fineYuan ?? undefined, other: penalty.description },
    officers: c.officers.map((o) => ({ name: o.name, certificateNo: o.certificateNo })),
    dates: {
      filed: c.filedOn ?? undefined,
      priorNoticeServed: c.data.notice?.service?.servedOn,
      decision: c.data.decision?.decidedOn,
      decisionServed: c.data.decision?.service?.servedOn,
      closed: c.closedOn ?? undefined,
    },
    approvals: c.steps
      .filter((s) => s.action === 'file' || s.action === 'decide' || s.action === 'close')
      .map((s) => ({
        stage: s.actionLabel,
        opinion: typeof s.data.note === 'string' ? s.data.note : '',
        signer: names.get(s.createdBy) ?? '',
        date: s.performedOn,
      })),
    rights: { hearing: c.data.notice?.hearingOffered ?? false, outcome: rightsOutcome(c) || undefined },
    extra: { filedOn: stepOn('file') ?? '', execution: execution(c), ...citedNumbers(c) },
  };
}

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && Object.keys(value).length === 0);

/** The fields of a part the request actually filled (a blank form field keeps the case's or the unit's value). */
function given<T extends object>(part: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(part ?? {}).filter(([, value]) => !isEmpty(value))) as Partial<T>;
}

/**
 * The case's data with the request's additions on top: a field the request fills replaces the case's
 * (an empty one does not — schema defaults would otherwise blank out the case); `dates`, `rights`, `contact`, `payment`, `remedies` and `extra` merge field by field.
 */
function merged(base: DocumentData, more: DocumentData): DocumentData {
  const filled = Object.fromEntries(Object.entries(more).filter(([, v]) => !isEmpty(v))) as DocumentData;
  return {
    ...base,
    ...filled,
    dates: { ...base.dates, ...given(more.dates) },
    rights: { ...base.rights, ...given(more.rights) },
    contact: { ...base.contact, ...given(more.contact) },
    payment: { ...base.payment, ...given(more.payment) },
    remedies: { ...base.remedies, ...given(more.remedies) },
    extra: { ...base.extra, ...(given(more.extra) as Record<string, string>) },
  };
}

export async function previewCaseDocument(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  type: DocumentType,
  more: DocumentData,
): Promise<{ html: string; data: DocumentData }> {
  const c = await getCase(db, actor, caseId);
  const data = merged(await caseDocumentData(db, c), more);
  return { html: renderHtml(type, data), data };
}

/**
 * Documents a case has one of (in force): a second 决定书 would be a second decision, not a record.
 * Changing one is a correction (更正), which keeps its 文号 and cites it.
 */
const ONE_PER_CASE: ReadonlySet<string> = new Set([
  'filing_approval',
  'penalty_prior_notice',
  'hearing_notice',
  'penalty_decision',
  'handling_decision',
  'on_the_spot_decision',
  'case_transfer',
  'closing_approval',
]);

/**
 * 成文日期 unless the request gives one: a decision is dated the day it was made and a 事先告知书 the day
 * it was drafted (publication deadlines count from the decision's date), anything else today.
 */
function documentDateOf(c: CaseView, type: DocumentType): string {
  if (DECISIONS.has(type) || type === 'handling_decision') return c.data.decision?.decidedOn ?? shanghaiToday();
  if (type === 'penalty_prior_notice') return c.data.notice?.notifiedOn ?? shanghaiToday();
  return shanghaiToday();
}

/** Decision documents: a major case issues one only as the 法制审核 cleared it. */
const DECISIONS: ReadonlySet<string> = new Set(['penalty_decision', 'on_the_spot_decision']);

/** Issues a document of the case: number, .docx in the blob store, and the case's own event citing it. */
export async function issueCaseDocument(
  db: Kysely<Database>,
  blobs: BlobStore,
  actor: Actor,
  caseId: string,
  input: { type: DocumentType; data: DocumentData; supersedesId?: string },
): Promise<IssuedDocument> {
  requireUser(actor);
  const c = await getCase(db, actor, caseId);
  const row = await repo.findCase(db, caseId);
  if (!row) throw notFound('case_not_found', '案件不存在');
  authorize(
    canOnCase(actor, 'case.handle', row.unit_path) || canOnCase(actor, 'case.approve', row.unit_path),
    '只有本机构的执法人员或负责人可以制作文书',
  );
  if (isArchivalType(input.type))
    throw invalid('document_type_archival', `《${documentType(input.type).title}》在档案管理员接收案卷时自动生成,不能在案件中制作`);
  if (input.supersedesId === undefined && ONE_PER_CASE.has(input.type)) {
    const existing = (await listCaseDocuments(db, caseId)).find((d) => d.type === input.type && d.supersededBy === null);
    if (existing) {
      throw conflict(
        'document_already_issued',
        `本案已签发《${existing.title}》${existing.number ? `(${existing.number})` : ''};如需修改,请对该文书进行更正`,
      );
    }
  }
  if (DECISIONS.has(input.type)) {
    const decided = c.data.decision ?? (c.data.notice && { penalty: c.data.notice.penalty, benchmark: c.data.notice.benchmark });
    if (decided) checkReviewClearance(c.data, decided.penalty, decided.benchmark);
  }
  const data = merged(await caseDocumentData(db, c), input.data);
  return inTransaction(db, async (trx) => {
    // The document first, then the case event that cites it (the documents module asks for this order).
    const doc = await issueDocument(trx, actor, blobs, {
      caseId,
      unitId: row.unit_id,
      type: input.type,
      data: { ...data, dates: { ...data.dates, document: data.dates?.document ?? documentDateOf(c, input.type) } },
      supersedesId: input.supersedesId,
    });
    await recordEvent(trx, actor, {
      type: 'case.document_issued',
      subject: { type: 'case', id: caseId },
      data: { documentId: doc.id, type: doc.type, title: doc.title, number: doc.number, version: doc.version },
      blobs: [doc.sha256],
    });
    return doc;
  });
}

export async function caseDocuments(db: Kysely<Database>, actor: Actor, caseId: string): Promise<IssuedDocument[]> {
  await getCase(db, actor, caseId);
  return listCaseDocuments(db, caseId);
}
