import { invalid } from '../../platform/errors.js';

// 评查标准: the scoring sheet of 案卷评查. Items carry points that add up to 100; an item may name the
// automatic check whose findings are shown beside it (and prefill its deduction). The default follows the
// usual structure of provincial 行政执法案卷评查标准 (主体、事实证据、法律适用与裁量、程序、文书、音像、归档).

export const CHECK_CODES = ['missing_documents', 'late_steps', 'missing_av', 'benchmark_departure'] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export const CHECK_LABELS: Readonly<Record<CheckCode, string>> = {
  missing_documents: '文书缺失',
  late_steps: '超过期限',
  missing_av: '缺少音像记录',
  benchmark_departure: '偏离裁量基准未说明理由',
};

export const isCheckCode = (value: string): value is CheckCode => CHECK_CODES.some((c) => c === value);

export interface SheetItem {
  /** Stable within a sheet: scores name it. */
  code: string;
  title: string;
  points: number;
  /** 评查要点: what the reviewer looks at. */
  criteria: string;
  check: CheckCode | null;
}

export const SHEET_TOTAL = 100;
const MAX_ITEMS = 40;
const CODE = /^[a-z][a-z0-9_]{0,31}$/;

export const DEFAULT_SHEET: readonly SheetItem[] = [
  {
    code: 'subject',
    title: '执法主体与人员资格',
    points: 10,
    criteria: '执法主体适格,在法定职权范围内执法;两名以上执法人员参与并持有效执法证件。',
    check: null,
  },
  {
    code: 'facts',
    title: '事实认定与证据',
    points: 20,
    criteria: '违法事实清楚,证据确实充分、来源合法,证据之间能相互印证,当事人身份明确。',
    check: null,
  },
  {
    code: 'law',
    title: '法律适用与裁量',
    points: 20,
    criteria: '适用法律、法规、规章准确,引用条款具体;处罚种类和幅度符合裁量基准,偏离基准的说明理由。',
    check: 'benchmark_departure',
  },
  {
    code: 'procedure',
    title: '程序(时限、告知、送达)',
    points: 20,
    criteria: '受理、立案、调查、告知、决定、送达各环节在法定期限内完成;依法告知陈述申辩、听证权利;送达方式合法。',
    check: 'late_steps',
  },
  {
    code: 'documents',
    title: '文书规范',
    points: 10,
    criteria: '执法文书齐全,使用规范文书格式,文号、日期、签章完整,内容与案件事实一致。',
    check: 'missing_documents',
  },
  {
    code: 'av',
    title: '全过程记录(音像)',
    points: 10,
    criteria: '音像记录事项清单要求全程音像记录的环节有录音录像;无法记录的有经批准的书面说明。',
    check: 'missing_av',
  },
  {
    code: 'filing',
    title: '案卷归档规范',
    points: 10,
    criteria: '按规定顺序组卷,卷内目录、页数、备考表完整,归档及时,保管期限划定正确。',
    check: null,
  },
];

/** A sheet as submitted: the check is any text until it is checked. */
export type SheetInput = Omit<SheetItem, 'check'> & { check: string | null };

/** Every problem of a sheet, each with its code; empty when the sheet may be saved. */
export function sheetProblems(items: readonly SheetInput[]): { code: string; message: string }[] {
  const problems: { code: string; message: string }[] = [];
  if (items.length === 0 || items.length > MAX_ITEMS) {
    problems.push({ code: 'sheet_items_count', message: `评查项目应为 1 至 ${MAX_ITEMS} 项` });
  }
  const seenCodes = new Set<string>();
  const seenChecks = new Set<string>();
  items.forEach((item, index) => {
    const where = `第 ${index + 1} 项「${item.title.trim() || item.code}」`;
    if (!CODE.test(item.code))
      problems.push({ code: 'sheet_code_invalid', message: `${where}:代码应为小写字母开头的字母、数字或下划线(至多 32 位)` });
    else if (seenCodes.has(item.code)) problems.push({ code: 'sheet_code_duplicate', message: `${where}:代码「${item.code}」重复` });
    seenCodes.add(item.code);
    if (item.title.trim() === '') problems.push({ code: 'sheet_title_required', message: `${where}:请填写项目名称` });
    if (!Number.isInteger(item.points) || item.points <= 0) {
      problems.push({ code: 'sheet_points_invalid', message: `${where}:分值应为正整数` });
    }
    // One item per check: the same finding prefilled under two items would be deducted twice.
    if (item.check !== null && !isCheckCode(item.check)) {
      problems.push({ code: 'sheet_check_unknown', message: `${where}:没有名为「${item.check}」的自动检查` });
    } else if (item.check !== null) {
      if (seenChecks.has(item.check))
        problems.push({ code: 'sheet_check_duplicate', message: `${where}:自动检查「${CHECK_LABELS[item.check]}」只能对应一个项目` });
      seenChecks.add(item.check);
    }
  });
  const total = items.reduce((sum, i) => sum + (Number.isFinite(i.points) ? i.points : 0), 0);
  if (total !== SHEET_TOTAL) problems.push({ code: 'sheet_total_not_100', message: `各项分值合计应为 ${SHEET_TOTAL} 分,现为 ${total} 分` });
  return problems;
}

/** The sheet as it will be stored (trimmed), or a refusal naming every problem; the code is the first problem's. */
export function checkedSheet(items: readonly SheetInput[]): SheetItem[] {
  const cleaned = items.map((i) => ({
    code: i.code.trim(),
    title: i.title.trim(),
    points: i.points,
    criteria: i.criteria.trim(),
    check: i.check,
  }));
  const problems = sheetProblems(cleaned);
  const [first] = problems;
  if (first) {
    throw invalid(
      first.code,
      `评查标准有误:${first.message}`,
      problems.map((p) => p.message),
    );
  }
  return cleaned.map((i) => ({ ...i, check: i.check !== null && isCheckCode(i.check) ? i.check : null }));
}

export const parseSheet = (text: string): SheetItem[] => JSON.parse(text) as SheetItem[];
