import type {
  PartSource,
  ProfilePart,
  ProfileSources,
  UnitProfile,
  UnitProfileListItem,
  UnitProfileView,
} from '../../../src/modules/documents/unit-profile';
import { request } from './client';

/** 文书设置 API: 文号前缀 and 文书固定信息 per unit (src/modules/documents/routes.ts). */

export type { PartSource, ProfilePart, ProfileSources, UnitProfile, UnitProfileListItem, UnitProfileView };

export interface NumberPrefix {
  unitId: string;
  unitName: string;
  /** The configured prefix, or null (the unit's name is used then). */
  prefix: string | null;
  /** What this unit's 文号 start with. */
  effectivePrefix: string;
  updatedAt: string | null;
}

const enc = encodeURIComponent;

export function listNumberPrefixes(): Promise<NumberPrefix[]> {
  return request<NumberPrefix[]>('GET', '/api/documents/number-prefixes');
}

/** Administrators only; 400 `invalid_number_prefix`, 409 `number_prefix_taken` (another unit uses it). */
export function setNumberPrefix(unitId: string, prefix: string): Promise<NumberPrefix> {
  return request<NumberPrefix>('PUT', `/api/documents/number-prefixes/${enc(unitId)}`, { body: { prefix } });
}

export function listUnitProfiles(): Promise<UnitProfileListItem[]> {
  return request<UnitProfileListItem[]>('GET', '/api/documents/unit-profiles');
}

export function getUnitProfile(unitId: string): Promise<UnitProfileView> {
  return request<UnitProfileView>('GET', `/api/documents/unit-profiles/${enc(unitId)}`);
}

/** Replaces the unit's own profile (a part left out is inherited). Administrators only; 400 `invalid_unit_profile`. */
export function setUnitProfile(unitId: string, profile: UnitProfile): Promise<UnitProfileView> {
  return request<UnitProfileView>('PUT', `/api/documents/unit-profiles/${enc(unitId)}`, { body: profile });
}
