import type { FormRule } from 'antd';
import { isResidentId, isUscc } from '../../../../src/platform/pii/ids';

/** The label of a party's identifier by kind. */
export const idLabel = (kind: string | undefined): string => (kind === 'organization' ? '统一社会信用代码' : '居民身份证号码');

/**
 * A hint (not a block) when the identifier fails its checksum — GB 11643 for 身份证, GB 32100 for
 * 统一社会信用代码, the very functions the server checks with — so a typo is caught before sending.
 */
export const idChecksumHint =
  (kind: string | undefined): FormRule =>
  () => ({
    warningOnly: true,
    validator: async (_rule, value: unknown) => {
      const text = typeof value === 'string' ? value.trim().toUpperCase() : '';
      if (text === '') return;
      if (kind === 'organization' && !isUscc(text)) throw new Error('统一社会信用代码校验位不符,请核对(18 位,不含 I、O、S、V、Z)');
      if (kind !== 'organization' && !isResidentId(text)) throw new Error('居民身份证号码校验位不符或出生日期无效,请核对');
    },
  });
