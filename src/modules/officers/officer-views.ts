import type { OfficerRow, TrainingRow } from './officers-repository.js';
import { certificateValidOn, STATUS_LABELS, type ValidityReason } from './validity.js';

export const LEGAL_QUALIFICATIONS = ['none', 'A', 'B', 'C'] as const;
export type LegalQualification = (typeof LEGAL_QUALIFICATIONS)[number];
export const TRAINING_KINDS = ['pre_service', 'in_service'] as const;
export const TRAINING_KIND_LABELS: Readonly<Record<string, string>> = { pre_service: '岗前培训', in_service: '岗位培训' };

export interface OfficerView {
  id: string;
  userId: string | null;
  name: string;
  unitId: string;
  unitName: string;
  position: string;
  categories: string[];
  certificateNo: string;
  issuingAuthority: string;
  validFrom: string;
  validTo: string;
  status: string;
  statusLabel: string;
  /** As of the day the view was made (Beijing date). */
  validToday: { valid: boolean; reason: ValidityReason };
  legalQualification: { level: string; certificateNo: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface TrainingView {
  id: string;
  officerId: string;
  kind: string;
  kindLabel: string;
  date: string;
  hours: number;
  provider: string;
}

/** The JSON array column as strings (anything else is dropped rather than trusted). */
export function parseCategories(text: string): string[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

export function toOfficerView(row: OfficerRow, today: string): OfficerView {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    position: row.position,
    categories: parseCategories(row.categories),
    certificateNo: row.certificate_no,
    issuingAuthority: row.issuing_authority,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    status: row.status,
    statusLabel: statusLabel(row.status),
    validToday: certificateValidOn({ status: row.status, validFrom: row.valid_from, validTo: row.valid_to }, today),
    legalQualification: { level: row.legal_qualification, certificateNo: row.legal_qualification_no },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toTrainingView(row: TrainingRow): TrainingView {
  return {
    id: row.id,
    officerId: row.officer_id,
    kind: row.kind,
    kindLabel: TRAINING_KIND_LABELS[row.kind] ?? row.kind,
    date: row.date,
    hours: row.hours,
    provider: row.provider,
  };
}
