import type { BenchmarkChoice, Penalty, Service, StepView } from '../../api/cases';

/**
 * What a step recorded besides its note, read defensively: step data is open JSON (each action
 * writes its own fields, older steps may lack newer ones), so nothing is assumed about its shape.
 */
export interface StepFacts {
  note: string;
  officerIds: string[];
  evidenceIds: string[];
  itemStep: string | null;
  avExceptionReason: string | null;
  penalty: Penalty | null;
  benchmark: BenchmarkChoice | null;
  service: Service | null;
  presiderOfficerId: string | null;
  /** 拟定事先告知: whether the notice tells of the right to a hearing (null: not recorded). */
  hearingOffered: boolean | null;
  rightsWaived: boolean;
  /** 先行登记保存: the things preserved. */
  preservedItems: string | null;
  /** 先行登记保存处理决定: the step that preserved what is disposed of. */
  preservationSeq: number | null;
  statementReview: { adopted: boolean; opinion: string } | null;
  /** 延期/分期缴纳: the approved schedule. */
  installments: { dueOn: string; amountYuan: number }[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function penaltyOf(v: unknown): Penalty | null {
  if (!isRecord(v)) return null;
  return { types: strings(v.types), fineYuan: num(v.fineYuan), basisQuantity: num(v.basisQuantity), description: str(v.description) ?? '' };
}

function benchmarkOf(v: unknown): BenchmarkChoice | null {
  if (!isRecord(v) || typeof v.code !== 'string') return null;
  const range = Array.isArray(v.rangeYuan) && v.rangeYuan.length === 2 ? v.rangeYuan : null;
  const low = num(range?.[0]);
  const high = num(range?.[1]);
  return {
    code: v.code,
    versionId: str(v.versionId) ?? '',
    tierNo: num(v.tierNo) ?? 0,
    tierLevel: str(v.tierLevel) ?? '',
    rangeYuan: low !== null && high !== null ? [low, high] : null,
    withinTier: v.withinTier === true,
    departureReason: str(v.departureReason) ?? '',
  };
}

function serviceOf(v: unknown): Service | null {
  if (!isRecord(v)) return null;
  const service: Service = {
    method: str(v.method) ?? '',
    servedOn: str(v.servedOn) ?? '',
    recipient: str(v.recipient) ?? '',
    evidenceIds: strings(v.evidenceIds),
  };
  const publishedOn = str(v.publishedOn);
  const documentId = str(v.documentId);
  const documentNumber = str(v.documentNumber);
  const consentEvidenceId = str(v.consentEvidenceId);
  if (publishedOn) service.publishedOn = publishedOn;
  if (documentId) service.documentId = documentId;
  if (documentNumber) service.documentNumber = documentNumber;
  if (consentEvidenceId) service.consentEvidenceId = consentEvidenceId;
  return service;
}

function installmentsOf(v: unknown): { dueOn: string; amountYuan: number }[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((i) => {
    if (!isRecord(i)) return [];
    const dueOn = str(i.dueOn);
    const amountYuan = num(i.amountYuan);
    return dueOn && amountYuan !== null ? [{ dueOn, amountYuan }] : [];
  });
}

export function stepFacts(step: StepView): StepFacts {
  const d = step.data;
  const service = serviceOf(d.service);
  return {
    note: str(d.note) ?? '',
    officerIds: strings(d.officerIds),
    evidenceIds: [...new Set([...strings(d.evidenceIds), ...(service?.evidenceIds ?? [])])],
    itemStep: str(d.itemStep),
    avExceptionReason: isRecord(d.avException) ? str(d.avException.reason) : null,
    penalty: penaltyOf(d.penalty),
    benchmark: benchmarkOf(d.benchmark),
    service,
    presiderOfficerId: str(d.presiderOfficerId),
    hearingOffered: typeof d.hearingOffered === 'boolean' ? d.hearingOffered : null,
    rightsWaived: d.rightsWaived === true,
    preservedItems: str(d.preservedItems),
    preservationSeq: num(d.preservationSeq),
    statementReview:
      isRecord(d.statementReview) && typeof d.statementReview.adopted === 'boolean'
        ? { adopted: d.statementReview.adopted, opinion: str(d.statementReview.opinion) ?? '' }
        : null,
    installments: installmentsOf(d.installments),
  };
}
