import type { Column, SheetSpec } from '../../platform/excel/index.js';

/**
 * The officers spreadsheet: one data sheet whose header row names exactly the fields the create API
 * accepts (without the linked account), shared by the template, the import and the export.
 */

export const DATA_SHEET = '执法人员';

export type ColumnKey =
  | 'name'
  | 'unit'
  | 'position'
  | 'categories'
  | 'certificateNo'
  | 'issuingAuthority'
  | 'validFrom'
  | 'validTo'
  | 'status'
  | 'qualification'
  | 'qualificationNo';

export const STATUS_BY_LABEL: Readonly<Record<string, string>> = { 有效: 'active', 暂扣: 'suspended', 注销: 'revoked' };
export const QUALIFICATION_LABELS = ['无', 'A', 'B', 'C'] as const;

export const COLUMNS: readonly Column<ColumnKey>[] = [
  { key: 'name', header: '姓名', required: true, width: 12, hint: '必填,不超过 64 字', example: '马晓东' },
  {
    key: 'unit',
    header: '所属单位',
    required: true,
    width: 24,
    hint: '必填,与系统中的机构名称完全一致;有同名机构时写作「上级机构/本机构」',
    example: '劳动保障监察监督局',
  },
  { key: 'position', header: '职务', required: true, width: 16, hint: '必填,不超过 64 字', example: '四级主任科员' },
  {
    key: 'categories',
    header: '执法类别',
    required: true,
    width: 24,
    hint: '必填,多项用「、」或「,」分隔',
    example: '劳动保障监察、劳动关系',
  },
  {
    key: 'certificateNo',
    header: '执法证件号码',
    required: true,
    width: 20,
    hint: '必填,最多 32 位,只能包含字母、数字和连字符「-」;已登记的号码将更新该人员信息',
    text: true,
    example: '640200200001',
  },
  { key: 'issuingAuthority', header: '发证机关', required: true, width: 24, hint: '必填,不超过 64 字', example: '宁夏回族自治区人民政府' },
  { key: 'validFrom', header: '有效期起', required: true, width: 14, hint: '必填,日期(YYYY-MM-DD)', example: '2024-01-01', text: true },
  {
    key: 'validTo',
    header: '有效期止',
    required: true,
    width: 14,
    hint: '必填,日期(YYYY-MM-DD),不早于有效期起',
    example: '2028-12-31',
    text: true,
  },
  {
    key: 'status',
    header: '状态',
    required: true,
    width: 10,
    hint: '必填:有效、暂扣 或 注销',
    example: '有效',
    list: Object.keys(STATUS_BY_LABEL),
  },
  {
    key: 'qualification',
    header: '法律职业资格',
    required: false,
    width: 14,
    hint: '无、A、B 或 C;不填视为「无」',
    example: 'A',
    list: QUALIFICATION_LABELS,
  },
  {
    key: 'qualificationNo',
    header: '法律职业资格证书编号',
    required: false,
    width: 24,
    hint: '有资格类别时可填,不超过 64 字',
    text: true,
    example: 'A20116402000123',
  },
];

export const OFFICERS_SHEET: SheetSpec<ColumnKey> = { name: DATA_SHEET, rowMeaning: '每行填写一名执法人员', columns: COLUMNS };
