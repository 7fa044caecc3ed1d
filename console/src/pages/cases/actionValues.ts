import dayjs, { type Dayjs } from 'dayjs';
import type { ActionInput, CaseView } from '../../api/cases';
import { beijingToday } from '../../format';
import type { ActionField } from './actionForms';
import { toDay } from './caseDates';
import { DEFAULT_ITEM_STEPS, HEARING_TYPES } from './caseLabels';

/** One row of the 延期/分期 editor (empty until filled). */
export interface InstallmentValue {
  dueOn?: Dayjs | null;
  amountYuan?: number | null;
}

/** The flat form an action drawer edits; `toActionInput` shapes it into the API's ActionBody. */
export interface ActionValues {
  performedOn: Dayjs;
  note?: string;
  officerIds?: string[];
  evidenceIds?: string[];
  itemStep?: string;
  avReason?: string;
  penaltyTypes?: string[];
  fineYuan?: number | null;
  basisQuantity?: number | null;
  penaltyDescription?: string;
  benchmarkCode?: string;
  tierNo?: number;
  departureReason?: string;
  serviceMethod?: string;
  recipient?: string;
  /** The issued document served (defaults to the latest in force of the step's types). */
  documentId?: string;
  /** 电子送达: the evidence holding the party's signed 送达地址确认书. */
  consentEvidenceId?: string;
  hearingOffered?: boolean;
  statementAdopted?: boolean;
  statementOpinion?: string;
  preservedItems?: string;
  installments?: InstallmentValue[];
  rightsWaived?: boolean;
  hearingNoticeOn?: Dayjs;
  presiderOfficerId?: string;
  collective?: boolean;
  reviewRequired?: boolean;
  revocationKind?: string;
  revocationAuthority?: string;
  revocationInstrument?: string;
}

const trimmed = (v: string | undefined): string => (v ?? '').trim();

/** Only the fields the action's form shows are sent. */
export function toActionInput(values: ActionValues, fields: readonly ActionField[]): ActionInput {
  const has = (f: ActionField) => fields.includes(f);
  const input: ActionInput = { performedOn: toDay(values.performedOn), note: trimmed(values.note) };
  if (has('officers')) input.officerIds = values.officerIds ?? [];
  if (has('evidence')) input.evidenceIds = values.evidenceIds ?? [];
  if (has('itemStep') && trimmed(values.itemStep) !== '') input.itemStep = trimmed(values.itemStep);
  if (has('avException') && trimmed(values.avReason) !== '') input.avException = { reason: trimmed(values.avReason) };
  if (has('penalty')) {
    const types = values.penaltyTypes ?? [];
    input.penalty = {
      types,
      fineYuan: types.includes('罚款') ? (values.fineYuan ?? null) : null,
      basisQuantity: values.basisQuantity ?? null,
      description: trimmed(values.penaltyDescription),
    };
  }
  if (has('benchmark') && values.benchmarkCode && values.tierNo !== undefined) {
    input.benchmark = { code: values.benchmarkCode, tierNo: values.tierNo, departureReason: trimmed(values.departureReason) };
  }
  if (has('service') && values.serviceMethod) {
    input.service = { method: values.serviceMethod, recipient: trimmed(values.recipient) };
    if (values.documentId) input.service.documentId = values.documentId;
    if (values.serviceMethod === '电子送达' && values.consentEvidenceId) input.service.consentEvidenceId = values.consentEvidenceId;
  }
  // The server offers a hearing for the heavy types whatever is sent; the form says the same.
  if (has('hearingOffered'))
    input.hearingOffered = values.hearingOffered === true || (values.penaltyTypes ?? []).some((t) => HEARING_TYPES.includes(t));
  if (has('statementReview'))
    input.statementReview = { adopted: values.statementAdopted === true, opinion: trimmed(values.statementOpinion) };
  if (has('preservedItems')) input.preservedItems = trimmed(values.preservedItems);
  if (has('revocation')) {
    input.revocation = {
      kind: values.revocationKind ?? '',
      authority: trimmed(values.revocationAuthority),
      instrument: trimmed(values.revocationInstrument),
    };
  }
  if (has('installments')) {
    input.installments = (values.installments ?? []).flatMap((i) =>
      i.dueOn && typeof i.amountYuan === 'number' ? [{ dueOn: toDay(i.dueOn), amountYuan: i.amountYuan }] : [],
    );
  }
  if (has('rightsWaived')) input.rightsWaived = values.rightsWaived === true;
  if (has('hearing')) {
    if (values.hearingNoticeOn) input.hearingNoticeOn = toDay(values.hearingNoticeOn);
    if (values.presiderOfficerId) input.presiderOfficerId = values.presiderOfficerId;
  }
  if (has('collective')) input.collective = values.collective === true;
  if (has('reviewRequired') && values.reviewRequired) input.reviewRequired = true;
  return input;
}

/** What of the fine is still unpaid (yuan, to the fen): what a 延期/分期 plan must cover. */
export function fineRemaining(view: CaseView): number {
  const fine = view.data.decision?.penalty.fineYuan ?? 0;
  const paid = view.owed?.paidYuan ?? view.payments.reduce((sum, p) => sum + p.amountYuan, 0);
  return Math.max(0, Math.round((fine - paid) * 100) / 100);
}

/** Sensible starting values: today, the case's officers, the step the AV list knows, the notified penalty for 决定. */
export function initialActionValues(action: string, view: CaseView): Partial<ActionValues> {
  const base: Partial<ActionValues> = {
    performedOn: dayjs(beijingToday()),
    officerIds: view.officers.map((o) => o.officerId),
    itemStep: DEFAULT_ITEM_STEPS[action],
    evidenceIds: [],
  };
  const party = view.parties[0];
  if (party)
    base.recipient =
      party.kind === 'organization' && party.legalRepresentative ? `${party.name}(${party.legalRepresentative})` : party.name;
  base.serviceMethod = '直接送达';
  if (action === 'notify') base.hearingOffered = false;
  if (action === 'defer_payment') base.installments = [{ dueOn: null, amountYuan: fineRemaining(view) }];
  const notice = view.data.notice;
  if (action === 'decide' && notice) {
    Object.assign(base, {
      penaltyTypes: notice.penalty.types,
      fineYuan: notice.penalty.fineYuan,
      basisQuantity: notice.penalty.basisQuantity,
      penaltyDescription: notice.penalty.description,
      benchmarkCode: notice.benchmark.code,
      tierNo: notice.benchmark.tierNo,
      departureReason: notice.benchmark.departureReason,
    });
  }
  return base;
}
