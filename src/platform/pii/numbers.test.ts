import { describe, expect, it } from 'vitest';
import { findPii } from './find.js';
import type { PiiOptions } from './types.js';

/** [kind, text, confidence, replacement] of every finding. */
const found = (text: string, options?: PiiOptions) => findPii(text, options).map((f) => [f.kind, f.text, f.confidence, f.replacement]);
const kinds = (text: string, options?: PiiOptions) => findPii(text, options).map((f) => f.kind);

describe('resident_id (GB 11643)', () => {
  it('finds an 18-digit number with a valid check character, masked to the first and last four', () => {
    expect(found('身份证号码：640202198503151230，')).toEqual([['resident_id', '640202198503151230', 'high', '6402**********1230']]);
    expect(found('公民身份号码11010519491231002x住宁夏')).toEqual([['resident_id', '11010519491231002x', 'high', '1101**********002X']]);
  });

  it('ignores a wrong check character unless the number is labelled as an ID, then finds it with low confidence', () => {
    expect(found('编码640202198503151231。')).toEqual([]);
    expect(found('身份证号：640202198503151231')).toEqual([['resident_id', '640202198503151231', 'low', '6402**********1231']]);
  });

  it('finds a 15-digit old-format number with a real birth date, with medium confidence', () => {
    expect(found('身份证号640202850315123')).toEqual([['resident_id', '640202850315123', 'medium', '6402*******5123']]);
    expect(found('编号640202851315123')).toEqual([]);
  });

  it('never takes part of a longer digit run for an ID', () => {
    // (A 16–19 digit run may still be a card number: Luhn decides that, not this test.)
    expect(kinds('流水号 6402021985031512301')).not.toContain('resident_id');
    expect(kinds('凭证 36402028503151234 号')).not.toContain('resident_id');
    expect(kinds('凭证 64020285031512345')).not.toContain('resident_id');
    expect(kinds('凭证 6402028503151231')).not.toContain('resident_id');
  });
});

describe('mobile', () => {
  it('finds the written forms, all masked to 138****5678', () => {
    for (const text of ['13812345678', '138-1234-5678', '138 1234 5678', '+86 13812345678', '+8613812345678', '0086-138-1234-5678']) {
      expect(found(`对方号码${text}。`), text).toEqual([['mobile', text, 'medium', '138****5678']]);
    }
  });

  it('is high confidence after 电话/手机/联系', () => {
    expect(found('手机：13912345678')).toEqual([['mobile', '13912345678', 'high', '139****5678']]);
    expect(found('联系方式为 13912345678')).toEqual([['mobile', '13912345678', 'high', '139****5678']]);
  });

  it('is not found inside a longer number, a hash, with mixed separators, or after a public-number label', () => {
    expect(kinds('单据138123456789')).toEqual([]);
    expect(kinds('文件SHA-256：9f8a13812345678be0c2d1e4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4')).toEqual([]);
    expect(kinds('号码138-1234 5678')).toEqual([]);
    expect(kinds('执法证号：15012345678')).toEqual([]);
    expect(kinds('号码12812345678')).toEqual([]);
  });
});

describe('landline', () => {
  it('finds area-code numbers, masking the subscriber digits', () => {
    expect(found('见0952-2012345。')).toEqual([['landline', '0952-2012345', 'medium', '0952-*******']]);
    expect(found('座机0952-2012345。')).toEqual([['landline', '0952-2012345', 'high', '0952-*******']]);
    expect(found('电话：(0952)2012345')).toEqual([['landline', '(0952)2012345', 'high', '0952-*******']]);
    expect(found('电话：010-62345678转8001')).toEqual([['landline', '010-62345678转8001', 'high', '010-********']]);
    expect(found('电话 021 52345678-12')).toEqual([['landline', '021 52345678-12', 'high', '021-********']]);
    expect(found('号码09522012345')).toEqual([['landline', '09522012345', 'low', '0952-*******']]);
  });

  it('finds a local number only right after a telephone label', () => {
    expect(found('联系电话：2012345')).toEqual([['landline', '2012345', 'medium', '*******']]);
    expect(found('共计2012345元')).toEqual([]);
  });

  it('leaves dates, amounts, case numbers and impossible area codes alone', () => {
    for (const text of [
      '2026-0001',
      '20260901',
      '2026-09-01',
      '25000元',
      '095-2012345',
      '010-1234567',
      '0952-201234',
      '02-12345678',
      '0952-0123456',
    ]) {
      expect(kinds(`见${text}。`), text).toEqual([]);
    }
  });
});

describe('bank_card', () => {
  it('finds Luhn-valid card numbers with high confidence, whatever the grouping', () => {
    expect(found('转入6222021234567894。')).toEqual([['bank_card', '6222021234567894', 'high', '**** **** **** 7894']]);
    expect(found('转入6228 4800 1234 5678 911')).toEqual([['bank_card', '6228 4800 1234 5678 911', 'high', '**** **** **** 8911']]);
    expect(found('转入6234-5678-9012-3451')).toEqual([['bank_card', '6234-5678-9012-3451', 'high', '**** **** **** 3451']]);
  });

  it('finds a card failing Luhn only near 卡号/账号/银行, with medium confidence', () => {
    expect(found('工资卡号为6222021234567890')).toEqual([['bank_card', '6222021234567890', 'medium', '**** **** **** 7890']]);
    expect(found('流程6222021234567890')).toEqual([]);
  });

  it('finds any labelled account number, which for legal persons must be hidden too', () => {
    expect(found('基本户账号：64001010200052500111')).toEqual([['bank_card', '64001010200052500111', 'medium', '**** **** **** 0111']]);
  });

  it('keeps the agency account listed in options.keep, however it is spaced', () => {
    const text = '缴至中国工商银行石嘴山分行（账号：2905 0211 0910 0012 345）';
    expect(findPii(text, { keep: ['2905021109100012345'] })).toMatchObject([
      { kind: 'bank_card', keep: true, replacement: '2905 0211 0910 0012 345' },
    ]);
    expect(findPii('账号：2905021109100012345', { keep: ['2905 0211 0910 0012 345'] })).toMatchObject([{ keep: true }]);
    expect(findPii(text)).toMatchObject([{ kind: 'bank_card', keep: false, replacement: '**** **** **** 2345' }]);
  });
});

describe('uscc (GB 32100)', () => {
  it("finds an organisation's code and keeps it public by default", () => {
    expect(findPii('统一社会信用代码：91640200MA76L8Q3XE')).toMatchObject([
      { kind: 'uscc', text: '91640200MA76L8Q3XE', replacement: '91640200MA76L8Q3XE', keep: true, confidence: 'high' },
    ]);
  });

  it('masks it when organisations are not public', () => {
    expect(findPii('代码：92640202MA76ABC12N', { organizationsPublic: false })).toMatchObject([
      { kind: 'uscc', replacement: '9264**********C12N', keep: false },
    ]);
  });

  it('ignores lookalikes with a wrong check character', () => {
    expect(kinds('统一社会信用代码：91640200MA76L8Q3XF')).toEqual([]);
    expect(kinds('统一社会信用代码：914403001922038217')).toEqual([]);
  });
});

describe('email', () => {
  it('finds addresses and keeps the first character and the domain', () => {
    expect(found('邮箱：zhang.san+hr@mail.example.com.cn；')).toEqual([
      ['email', 'zhang.san+hr@mail.example.com.cn', 'high', 'z***@mail.example.com.cn'],
    ]);
  });
});
