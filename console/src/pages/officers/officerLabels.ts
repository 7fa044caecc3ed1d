import dayjs from 'dayjs';
import type { Officer, OfficerStatus } from '../../api/officers';

/** Chinese labels and the displayed certificate state of 执法人员 and 清单变更批次. */

export const OFFICER_STATUS_OPTIONS: { value: OfficerStatus; label: string }[] = [
  { value: 'active', label: '有效' },
  { value: 'suspended', label: '暂扣' },
  { value: 'revoked', label: '注销' },
];

export const LEGAL_LEVEL_OPTIONS = [
  { value: 'none', label: '无' },
  { value: 'A', label: 'A 类' },
  { value: 'B', label: 'B 类' },
  { value: 'C', label: 'C 类' },
];

export const TRAINING_KIND_OPTIONS = [
  { value: 'pre_service', label: '岗前培训' },
  { value: 'in_service', label: '岗位培训' },
];

export const BATCH_STATUS_OPTIONS = [
  { value: 'draft', label: '草稿', color: 'default' },
  { value: 'submitted', label: '已报送', color: 'processing' },
  { value: 'confirmed', label: '已确认', color: 'success' },
  { value: 'returned', label: '已退回', color: 'error' },
] as const;

export const ACTION_LABELS: Readonly<Record<string, string>> = { upsert: '新增或更新', remove: '移出清单' };

/** How many days before the end of validity a certificate counts as 即将到期 (the server's alert window). */
export const EXPIRY_WINDOW_DAYS = 30;

import { beijingToday } from '../../format';

export { beijingToday };

export interface CertificateState {
  label: string;
  color: string;
}

/** 有效 / 即将到期 (≤ 30 days) / 已过期 / 未生效 / 暂扣 / 注销, from the server's validToday plus validTo. */
export function certificateState(officer: Officer, today = beijingToday()): CertificateState {
  switch (officer.validToday.reason) {
    case 'revoked':
      return { label: '注销', color: 'default' };
    case 'suspended':
      return { label: '暂扣', color: 'purple' };
    case 'expired':
      return { label: '已过期', color: 'red' };
    case 'not_yet_valid':
      return { label: '未生效', color: 'blue' };
    default: {
      const left = dayjs(officer.validTo).diff(dayjs(today), 'day');
      return left <= EXPIRY_WINDOW_DAYS ? { label: '即将到期', color: 'orange' } : { label: '有效', color: 'green' };
    }
  }
}

export function legalLevelLabel(level: string): string {
  return LEGAL_LEVEL_OPTIONS.find((o) => o.value === level)?.label ?? level;
}

export function batchStatusTag(status: string): { label: string; color: string } {
  const found = BATCH_STATUS_OPTIONS.find((o) => o.value === status);
  return found ? { label: found.label, color: found.color } : { label: status, color: 'default' };
}
