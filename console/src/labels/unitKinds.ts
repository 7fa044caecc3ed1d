import type { UnitKind, UserStatus } from '../api/types';

export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  agency: '机关',
  section: '机关科室',
  affiliated: '局属单位',
};

export const UNIT_KIND_COLORS: Readonly<Record<UnitKind, string>> = {
  agency: 'red',
  section: 'blue',
  affiliated: 'green',
};

/** Kinds a person may create: the agency itself is the single root and is never created from the console. */
export const CREATABLE_UNIT_KINDS: readonly UnitKind[] = ['section', 'affiliated'];

export const USER_STATUS_LABELS: Readonly<Record<UserStatus, string>> = {
  active: '启用',
  disabled: '停用',
};
