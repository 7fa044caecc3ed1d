import type { FormRule } from 'antd';

/** Client-side checks mirroring the server's; the server remains the authority and its message is shown. */

export const requiredText = (message: string): FormRule[] => [{ required: true, whitespace: true, message }];

export const requiredValue = (message: string): FormRule[] => [{ required: true, message }];

/** For Form.List: at least one row. */
export const atLeastOne = (message: string) => ({
  validator: async (_rule: unknown, value: unknown): Promise<void> => {
    if (!Array.isArray(value) || value.length === 0) throw new Error(message);
  },
});

/** Catalogue codes: 3–32 letters, digits and hyphens, starting with a letter or digit. */
export const codeRules: FormRule[] = [
  { required: true, whitespace: true, message: '请输入编码' },
  { min: 3, max: 32, message: '编码长度应为 3–32 个字符' },
  { pattern: /^[0-9A-Za-z][0-9A-Za-z-]*$/, message: '编码只能包含字母、数字和连字符,且不能以连字符开头' },
];
