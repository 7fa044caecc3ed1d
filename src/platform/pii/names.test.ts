import { describe, expect, it } from 'vitest';
import { findPii } from './find.js';
import { defaultReview, redact } from './redact.js';
import type { PiiOptions } from './types.js';

const names = (text: string, options?: PiiOptions) =>
  findPii(text, options)
    .filter((f) => f.kind === 'party_name' || f.kind === 'person_name')
    .map((f) => [f.kind, f.text, f.replacement, f.keep]);
const published = (text: string, options?: PiiOptions) => redact(text, defaultReview(findPii(text, options))).text;

describe('party_name', () => {
  it('shows a natural-person party as 张某某 by default, or per partyPolicy', () => {
    expect(names('当事人：张三，男，汉族')).toEqual([['party_name', '张三', '张某某', false]]);
    expect(names('当事人：张三', { partyPolicy: 'hide' })).toEqual([['party_name', '张三', '某某某', false]]);
    expect(names('当事人：张三', { partyPolicy: 'full' })).toEqual([['party_name', '张三', '张三', true]]);
    expect(names('被处罚人：欧阳明华。')).toEqual([['party_name', '欧阳明华', '欧阳某某', false]]);
  });

  it('finds every later mention of the party', () => {
    expect(published('当事人：张三丰\n经查，张三丰于2026年3月起拖欠工资。张三丰的行为违反了规定。')).toBe(
      '当事人：张某某\n经查，张某某于2026年3月起拖欠工资。张某某的行为违反了规定。',
    );
  });

  it('takes the parties from the case data, whatever the surname', () => {
    expect(names('经查，禤国强未按时支付工资。', { parties: ['禤国强'] })).toEqual([['party_name', '禤国强', '禤某某', false]]);
  });
});

describe('person_name', () => {
  it('hides other natural persons as 王某, or 某某 with othersPolicy hide', () => {
    expect(names('证人王小明证实')).toEqual([['person_name', '王小明', '王某', false]]);
    expect(names('证人王小明证实', { othersPolicy: 'hide' })).toEqual([['person_name', '王小明', '某某', false]]);
    expect(names('投诉人：欧阳娜娜')).toEqual([['person_name', '欧阳娜娜', '欧阳某', false]]);
  });

  it('reads lists after a context word and stops before 等', () => {
    expect(published('劳动者张三、李四、王五等3人反映')).toBe('劳动者张某、李某、王某等3人反映');
  });

  it("keeps a legal representative's name public by default (人社部令第29号 publishes it)", () => {
    expect(names('法定代表人（主要负责人）：王五')).toEqual([['person_name', '王五', '王五', true]]);
    expect(names('法定代表人（主要负责人）：王五', { legalRepresentativesPublic: false })).toEqual([
      ['person_name', '王五', '王某', false],
    ]);
  });

  it('treats a name in several roles by the most protective one', () => {
    expect(names('法定代表人：王五。证人王五证实')).toEqual([
      ['person_name', '王五', '王某', false],
      ['person_name', '王五', '王某', false],
    ]);
  });

  it('takes other persons from the case data', () => {
    expect(published('经调查，禤国强在该公司工作。', { names: ['禤国强'] })).toBe('经调查，禤某在该公司工作。');
  });
});

describe('words that are not names', () => {
  it('are left alone', () => {
    for (const text of [
      '当事人：石嘴山市某某餐饮有限公司',
      '当事人：宁夏某某建设有限公司',
      '当事人应当于收到本决定书之日起15日内',
      '当事人向劳动者支付工资',
      '当事人于2026年3月',
      '员工工资共计25000元',
      '证人证言、询问笔录',
      '当事人：张某某',
      '执法人员王五、赵六到场检查',
      '负责人员名单',
    ]) {
      expect(names(text), text).toEqual([]);
    }
  });
});
