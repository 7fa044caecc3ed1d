import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { type EvaluationFacts, prefillScores, runChecks, type StepFact } from './evaluation-checks.js';
import { drawSample, populationHash, sampleSize } from './evaluation-draw.js';
import { checkedScores, roundResults } from './evaluation-scoring.js';
import { checkedSheet, DEFAULT_SHEET, type SheetInput, sheetProblems } from './evaluation-sheet.js';

// The pure parts of 案卷评查: the sheet's rules, the automatic checks on constructed facts, scoring, results
// per unit and officer, and the draw.

const step = (action: string, more: Partial<StepFact> = {}): StepFact => ({
  seq: 1,
  action,
  label: action,
  performedOn: '2026-03-01',
  itemStep: null,
  evidenceIds: [],
  avException: null,
  serviceMethod: null,
  ...more,
});

/** A decided 一般程序 case whose file holds every document its steps call for, nothing late, no departure. */
const complete = (): EvaluationFacts => ({
  procedure: 'general',
  steps: [
    step('file'),
    step('investigate', { itemStep: '调查取证', evidenceIds: ['v1'] }),
    step('notify'),
    step('serve_notice', { serviceMethod: '直接送达' }),
    step('decide'),
    step('serve_decision', { serviceMethod: '邮寄送达' }),
    step('close'),
  ],
  deadlines: [
    { kind: 'decision', label: '作出决定期限', due: '2026-05-01', closedOn: '2026-04-01' },
    { kind: 'hearingRequest', label: '听证申请期限', due: '2026-03-10', closedOn: '2026-04-01' },
    { kind: 'payment', label: '缴纳罚款期限', due: '2026-04-20', closedOn: '2026-05-20' },
  ],
  documentTypes: ['filing_approval', 'inquiry_record', 'penalty_prior_notice', 'service_receipt', 'penalty_decision', 'closing_approval'],
  avEvidenceIds: ['v1'],
  avMandatory: { 调查取证: ['AV0001'] },
  benchmarks: [
    { stage: '事先告知', code: 'RB0005', tierNo: 1, withinTier: true, departureReason: '' },
    { stage: '处罚决定', code: 'RB0005', tierNo: 1, withinTier: true, departureReason: '' },
  ],
});

const refusal = (work: () => unknown): AppError => {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('评查标准', () => {
  it('ships a default sheet of 100 points whose checks each sit under one item', () => {
    expect(DEFAULT_SHEET.reduce((sum, i) => sum + i.points, 0)).toBe(100);
    expect(sheetProblems(DEFAULT_SHEET)).toEqual([]);
    expect(DEFAULT_SHEET.flatMap((i) => (i.check ? [i.check] : [])).sort()).toEqual([
      'benchmark_departure',
      'late_steps',
      'missing_av',
      'missing_documents',
    ]);
  });

  it('refuses a bad sheet naming every problem, the first one as its code', () => {
    const bad: SheetInput[] = [
      { code: 'facts', title: '事实', points: 50, criteria: '', check: null },
      { code: 'facts', title: '程序', points: 2.5, criteria: '', check: 'late_steps' },
      { code: 'Docs', title: '', points: -1, criteria: '', check: 'no_such_check' },
      { code: 'law', title: '法律', points: 10, criteria: '', check: 'late_steps' },
    ];
    const error = refusal(() => checkedSheet(bad));
    expect([error.kind, error.code]).toEqual(['invalid', 'sheet_code_duplicate']);
    const codes = sheetProblems(bad).map((p) => p.code);
    expect(codes).toEqual([
      'sheet_code_duplicate',
      'sheet_points_invalid',
      'sheet_code_invalid',
      'sheet_title_required',
      'sheet_points_invalid',
      'sheet_check_unknown',
      'sheet_check_duplicate',
      'sheet_total_not_100',
    ]);
    expect(error.extra.details).toHaveLength(codes.length);
    expect(refusal(() => checkedSheet(DEFAULT_SHEET.map((i) => ({ ...i, points: i.points + 1 })))).code).toBe('sheet_total_not_100');
  });
});

describe('automatic checks', () => {
  it('finds nothing in a complete file, ignoring the party\u2019s own periods that closed late', () => {
    expect(runChecks(DEFAULT_SHEET, complete())).toEqual([]);
  });

  it('finds a missing document, a late agency step, a step without its recording and a departure without reason', () => {
    const f = complete();
    const facts: EvaluationFacts = {
      ...f,
      documentTypes: f.documentTypes.filter((t) => t !== 'service_receipt' && t !== 'closing_approval'),
      deadlines: [{ kind: 'decision', label: '作出决定期限', due: '2026-05-01', closedOn: '2026-05-04' }],
      avEvidenceIds: [],
      benchmarks: [
        { stage: '事先告知', code: 'RB0005', tierNo: 2, withinTier: false, departureReason: '' },
        { stage: '处罚决定', code: 'RB0005', tierNo: 2, withinTier: false, departureReason: ' ' },
      ],
    };
    const findings = runChecks(DEFAULT_SHEET, facts);
    expect(findings.map((x) => [x.check, x.itemCode, x.deduction])).toEqual([
      ['benchmark_departure', 'law', 10],
      ['late_steps', 'procedure', 5],
      ['missing_documents', 'documents', 2],
      ['missing_documents', 'documents', 2],
      ['missing_av', 'av', 5],
    ]);
    const text = findings.map((x) => x.message).join('\n');
    expect(text).toContain('处罚决定未适用裁量基准 RB0005 第 2 阶次');
    expect(text).toContain('作出决定期限应于 2026-05-01 前完成,实际 2026-05-04 完成,超期 3 日');
    expect(text).toContain('案卷中缺少送达回证');
    expect(text).toContain('案卷中缺少结案审批表');
    expect(text).toContain('AV0001');
    // The prefill adds each item's findings up to the item's points, with the findings as the reason.
    expect(prefillScores(DEFAULT_SHEET, findings)).toEqual([
      { code: 'law', deduction: 10, note: expect.stringContaining('RB0005') },
      { code: 'procedure', deduction: 5, note: expect.stringContaining('超期 3 日') },
      { code: 'documents', deduction: 4, note: expect.stringContaining('送达回证') },
      { code: 'av', deduction: 5, note: expect.stringContaining('录音录像') },
    ]);
  });

  it('shows an approved AV exception without a deduction, asks for no receipt for a posted service, and runs only the checks the sheet names', () => {
    const f = complete();
    const excepted: EvaluationFacts = {
      ...f,
      steps: f.steps.map((s) => (s.action === 'investigate' ? { ...s, evidenceIds: [], avException: '设备故障' } : s)),
    };
    const findings = runChecks(DEFAULT_SHEET, excepted);
    expect(findings.map((x) => [x.check, x.deduction])).toEqual([['missing_av', 0]]);
    expect(findings[0]?.message).toContain('经批准未录制(理由:设备故障)');
    expect(prefillScores(DEFAULT_SHEET, findings)).toEqual([]);
    // 邮寄送达 only: no 送达回证 expected.
    const posted = {
      ...f,
      steps: f.steps.map((s) => (s.serviceMethod ? { ...s, serviceMethod: '邮寄送达' } : s)),
      documentTypes: f.documentTypes.filter((t) => t !== 'service_receipt'),
    };
    expect(runChecks(DEFAULT_SHEET, posted)).toEqual([]);
    const withoutChecks = DEFAULT_SHEET.map((i) => ({ ...i, check: null }));
    expect(runChecks(withoutChecks, { ...f, documentTypes: [] })).toEqual([]);
  });

  it('caps a suggested deduction at the item\u2019s points', () => {
    const sheet = DEFAULT_SHEET.map((i) => (i.code === 'documents' ? { ...i, points: 3 } : i.code === 'filing' ? { ...i, points: 17 } : i));
    const findings = runChecks(sheet, { ...complete(), documentTypes: [] });
    expect(findings.filter((x) => x.check === 'missing_documents')).toHaveLength(6);
    expect(prefillScores(sheet, findings)).toEqual([{ code: 'documents', deduction: 3, note: expect.any(String) }]);
  });
});

describe('scoring and results', () => {
  it('refuses a deduction above the item, without a reason, off the half-point grid or for an unknown item', () => {
    const codeOf = (scores: { code: string; deduction: number; note: string }[]) =>
      refusal(() => checkedScores(DEFAULT_SHEET, scores)).code;
    expect(codeOf([{ code: 'documents', deduction: 11, note: '缺文书' }])).toBe('deduction_over_points');
    expect(codeOf([{ code: 'documents', deduction: 2, note: '  ' }])).toBe('deduction_note_required');
    expect(codeOf([{ code: 'documents', deduction: 0.3, note: 'x' }])).toBe('deduction_invalid');
    expect(codeOf([{ code: 'documents', deduction: -1, note: 'x' }])).toBe('deduction_invalid');
    expect(codeOf([{ code: 'nope', deduction: 1, note: 'x' }])).toBe('score_item_unknown');
    expect(
      codeOf([
        { code: 'law', deduction: 1, note: 'x' },
        { code: 'law', deduction: 1, note: 'y' },
      ]),
    ).toBe('score_item_duplicate');
    // Kept in sheet order, zero rows without a note dropped.
    expect(
      checkedScores(DEFAULT_SHEET, [
        { code: 'documents', deduction: 1.5, note: ' 文号缺失 ' },
        { code: 'facts', deduction: 0, note: '' },
        { code: 'law', deduction: 10, note: '适用条款错误' },
      ]),
    ).toEqual([
      { code: 'law', deduction: 10, note: '适用条款错误' },
      { code: 'documents', deduction: 1.5, note: '文号缺失' },
    ]);
  });

  it('averages per unit and per officer, counting a file once for each of its officers', () => {
    const a = { officerId: 'a', name: '张明' };
    const b = { officerId: 'b', name: '李娜' };
    const c = { officerId: 'c', name: '王建国' };
    const results = roundResults(DEFAULT_SHEET, [
      { unitId: 'u1', unitName: '一大队', officers: [a, b], scores: [{ code: 'documents', deduction: 4, note: 'x' }] },
      {
        unitId: 'u1',
        unitName: '一大队',
        officers: [a, c],
        scores: [
          { code: 'documents', deduction: 2, note: 'x' },
          { code: 'law', deduction: 10, note: 'y' },
        ],
      },
      { unitId: 'u2', unitName: '二大队', officers: [c], scores: [] },
    ]);
    expect([results.count, results.average, results.lowest, results.highest]).toEqual([3, 94.7, 88, 100]);
    expect(results.byUnit.map((g) => [g.name, g.count, g.average, g.lowest, g.highest])).toEqual([
      ['一大队', 2, 92, 88, 96],
      ['二大队', 1, 100, 100, 100],
    ]);
    expect(results.byOfficer.map((g) => [g.name, g.count, g.average, g.lowest])).toEqual([
      ['张明', 2, 92, 88],
      ['王建国', 2, 94, 88],
      ['李娜', 1, 96, 96],
    ]);
    expect(results.byUnit[0]?.frequent).toEqual([
      { code: 'documents', title: '文书规范', count: 2, points: 6 },
      { code: 'law', title: '法律适用与裁量', count: 1, points: 10 },
    ]);
    expect(results.items.find((i) => i.code === 'documents')).toMatchObject({ deductedCount: 2, deductedPoints: 6 });
  });
});

describe('the draw', () => {
  const files = Array.from({ length: 20 }, (_, i) => ({ id: `file-${i}` }));

  it('takes the requested number, the same for the same seed, different for another', () => {
    const seed = 'a'.repeat(64);
    const first = drawSample(seed, files, 5);
    expect(new Set(first.map((f) => f.id)).size).toBe(5);
    expect(drawSample(seed, [...files].reverse(), 5)).toEqual(first);
    expect(drawSample('b'.repeat(64), files, 5)).not.toEqual(first);
    expect([sampleSize('count', 3, 20), sampleSize('ratio', 10, 20), sampleSize('ratio', 10, 21), sampleSize('ratio', 1, 5)]).toEqual([
      3, 2, 3, 1,
    ]);
    expect(populationHash(['b', 'a'])).toBe(populationHash(['a', 'b']));
  });
});
