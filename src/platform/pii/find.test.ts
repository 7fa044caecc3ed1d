import { describe, expect, it } from 'vitest';
import { findPii } from './find.js';
import { defaultReview, redact } from './redact.js';

// A 行政处罚决定书 as the documents module renders one, with the personal data a real one carries.
const DECISION = [
  '石嘴山市人力资源和社会保障局',
  '行政处罚决定书',
  '石人社监罚〔2026〕12号',
  '',
  '当事人：张三丰',
  '身份证号码：640202198503151230',
  '住址：宁夏回族自治区石嘴山市大武口区朝阳西街12号3栋2单元501室',
  '联系电话：13812345678',
  '',
  '本机关于2026年9月1日对张三丰拖欠劳动者工资案（案件编号2026-0001）立案调查，现已调查终结。' +
    '经查，证人王小明证实，劳动者李四、赵五等3人于2026年3月入职，当事人未按时足额支付工资共计25000元。' +
    '李四的工资卡号为6222 0212 3456 7890 128，电子邮箱 lisi@example.com，家中座机0952-2012345。' +
    '投诉人欧阳娜娜（电话：+86 139-1234-5678）反映了上述情况。执法人员刘洋（执法证号：15010010001）、陈静（执法证号：15010010002）。',
  '当事人应当自收到本决定书之日起15日内，将罚款缴至中国工商银行石嘴山分行（户名：石嘴山市财政局；账号：2905 0211 0910 0012 345）。',
  '石嘴山市人力资源和社会保障局',
  '2026年9月20日',
  '联系电话：0952-2011111',
].join('\n');

const AGENCY = { keep: ['2905021109100012345', '0952-2011111'] };

describe('findPii on a penalty decision', () => {
  it('finds the personal data of the party and of the other persons, and marks the public data kept', () => {
    const findings = findPii(DECISION, AGENCY);
    expect(findings.map((f) => [f.kind, f.text, f.replacement, f.keep])).toEqual([
      ['party_name', '张三丰', '张某某', false],
      ['resident_id', '640202198503151230', '6402**********1230', false],
      ['address_detail', '朝阳西街12号3栋2单元501室', '******', false],
      ['mobile', '13812345678', '138****5678', false],
      ['party_name', '张三丰', '张某某', false],
      ['person_name', '王小明', '王某', false],
      ['person_name', '李四', '李某', false],
      ['person_name', '赵五', '赵某', false],
      ['person_name', '李四', '李某', false],
      ['bank_card', '6222 0212 3456 7890 128', '**** **** **** 0128', false],
      ['email', 'lisi@example.com', 'l***@example.com', false],
      ['landline', '0952-2012345', '0952-*******', false],
      ['person_name', '欧阳娜娜', '欧阳某', false],
      ['mobile', '+86 139-1234-5678', '139****5678', false],
      ['bank_card', '2905 0211 0910 0012 345', '2905 0211 0910 0012 345', true],
      ['landline', '0952-2011111', '0952-2011111', true],
    ]);
    for (const f of findings) expect(DECISION.slice(f.start, f.end)).toBe(f.text);
  });

  it('renders the published text exactly', () => {
    const { text } = redact(DECISION, defaultReview(findPii(DECISION, AGENCY)));
    expect(text).toBe(
      [
        '石嘴山市人力资源和社会保障局',
        '行政处罚决定书',
        '石人社监罚〔2026〕12号',
        '',
        '当事人：张某某',
        '身份证号码：6402**********1230',
        '住址：宁夏回族自治区石嘴山市大武口区******',
        '联系电话：138****5678',
        '',
        '本机关于2026年9月1日对张某某拖欠劳动者工资案（案件编号2026-0001）立案调查，现已调查终结。' +
          '经查，证人王某证实，劳动者李某、赵某等3人于2026年3月入职，当事人未按时足额支付工资共计25000元。' +
          '李某的工资卡号为**** **** **** 0128，电子邮箱 l***@example.com，家中座机0952-*******。' +
          '投诉人欧阳某（电话：139****5678）反映了上述情况。执法人员刘洋（执法证号：15010010001）、陈静（执法证号：15010010002）。',
        '当事人应当自收到本决定书之日起15日内，将罚款缴至中国工商银行石嘴山分行（户名：石嘴山市财政局；账号：2905 0211 0910 0012 345）。',
        '石嘴山市人力资源和社会保障局',
        '2026年9月20日',
        '联系电话：0952-2011111',
      ].join('\n'),
    );
  });

  it('leaves the 文号, dates, amounts, case number and officers alone', () => {
    const findings = findPii(DECISION, AGENCY);
    for (const text of ['石人社监罚〔2026〕12号', '2026年9月1日', '25000元', '2026-0001', '15010010001', '刘洋', '陈静', '2026年9月20日']) {
      const at = DECISION.indexOf(text);
      expect(
        findings.some((f) => f.start < at + text.length && at < f.end),
        text,
      ).toBe(false);
    }
  });

  it('flags the agency account and telephone for redaction when they are not listed as public', () => {
    const findings = findPii(DECISION);
    expect(findings.find((f) => f.text === '2905 0211 0910 0012 345')).toMatchObject({ kind: 'bank_card', keep: false });
    expect(findings.find((f) => f.text === '0952-2011111')).toMatchObject({ kind: 'landline', keep: false });
  });

  it('returns findings sorted by start and never overlapping', () => {
    const findings = findPii(DECISION);
    for (let i = 1; i < findings.length; i++) expect(findings[i]?.start).toBeGreaterThanOrEqual(findings[i - 1]?.end ?? 0);
  });
});

describe('overlap resolution', () => {
  it('keeps the e-mail address and drops the mobile number inside it', () => {
    const findings = findPii('邮箱：13812345678@139.com');
    expect(findings.map((f) => [f.kind, f.text])).toEqual([['email', '13812345678@139.com']]);
  });

  it('reads an ID number that also passes Luhn as an ID number', () => {
    const findings = findPii('银行账户及身份证：640202198503151038');
    expect(findings.map((f) => [f.kind, f.confidence])).toEqual([['resident_id', 'high']]);
  });

  it('reads a labelled account number that happens to pass the USCC check as an account', () => {
    const findings = findPii('账号：622202123400000070');
    expect(findings.map((f) => [f.kind, f.keep])).toEqual([['bank_card', false]]);
  });

  it('prefers the longer of two names from the case data', () => {
    const findings = findPii('证人王志和到场。', { names: ['王志', '王志和'] });
    expect(findings.map((f) => f.text)).toEqual(['王志和']);
  });
});

describe('offsets', () => {
  it('are UTF-16 code units, also after characters outside the BMP', () => {
    const text = '𠀀𠀁😀证人王𠮷证实，电话13812345678，身份证号11010519491231002X。';
    const findings = findPii(text);
    // 𠀀, 𠀁 and 😀 are two code units each, so 证 is at 6 and 王 at 8; 𠮷 makes the name three units long.
    expect(findings.map((f) => [f.kind, f.start, f.end, f.text])).toEqual([
      ['person_name', 8, 11, '王𠮷'],
      ['mobile', 16, 27, '13812345678'],
      ['resident_id', 32, 50, '11010519491231002X'],
    ]);
    expect(redact(text, defaultReview(findings)).text).toBe('𠀀𠀁😀证人王某证实，电话138****5678，身份证号1101**********002X。');
  });

  it('finds full-width digits and reports the original characters', () => {
    const text = '手机：１３８１２３４５６７８';
    expect(findPii(text).map((f) => [f.kind, f.text, f.replacement])).toEqual([['mobile', '１３８１２３４５６７８', '138****5678']]);
  });
});
