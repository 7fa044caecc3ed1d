import dayjs, { type Dayjs } from 'dayjs';
import type { ActionInput, CaseView } from '../../api/cases';
import { beijingToday } from '../../format';
import type { ActionField } from './actionForms';
import { toDay } from './caseDates';
import { DEFAULT_ITEM_STEPS } from './caseLabels';

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
  rightsWaived?: boolean;
  hearingNoticeOn?: Dayjs;
  presiderOfficerId?: string;
  collective?: boolean;
  reviewRequired?: boolean;
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
  if (has('service') && values.serviceMethod) input.service = { method: values.serviceMethod, recipient: trimmed(values.recipient) };
  if (has('rightsWaived')) input.rightsWaived = values.rightsWaived === true;
  if (has('hearing')) {
    if (values.hearingNoticeOn) input.hearingNoticeOn = toDay(values.hearingNoticeOn);
    if (values.presiderOfficerId) input.presiderOfficerId = values.presiderOfficerId;
  }
  if (has('collective')) input.collective = values.collective === true;
  if (has('reviewRequired') && values.reviewRequired) input.reviewRequired = true;
  return input;
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
