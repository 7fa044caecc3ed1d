// The shape of a 四性检测 report: free of imports, so the console reads the same definition as the server.

export const FOUR_CHECKS_FORMAT = 'sanxiang-four-checks/1';
export const PROPERTIES = ['authenticity', 'integrity', 'usability', 'security'] as const;
export type Property = (typeof PROPERTIES)[number];
export const PROPERTY_LABELS: Readonly<Record<Property, string>> = {
  authenticity: '真实性',
  integrity: '完整性',
  usability: '可用性',
  security: '安全性',
};

export interface CheckLine {
  readonly property: Property;
  /** 件号 of the item it concerns, or null for the file as a whole. */
  readonly item: number | null;
  readonly passed: boolean;
  readonly severity: 'error' | 'warning';
  /** What was checked, in Chinese. */
  readonly name: string;
  readonly detail: string;
}

export interface FourChecksReport {
  readonly format: string;
  readonly caseId: string;
  readonly caseNo: string;
  readonly checkedAt: string;
  readonly passed: boolean;
  readonly summary: Readonly<Record<Property, { readonly passed: boolean; readonly checks: number; readonly failures: number }>>;
  readonly lines: readonly CheckLine[];
  readonly ledger: { readonly treeSize: number | null; readonly entries: number; readonly verifiedBy: readonly string[] };
}
