import { describe, expect, it } from 'vitest';
import { findPii } from './find.js';
import { defaultReview, redact } from './redact.js';
import type { PiiOptions } from './types.js';

const published = (text: string, options?: PiiOptions) => redact(text, defaultReview(findPii(text, options))).text;
const addressFindings = (text: string, options?: PiiOptions) => findPii(text, options).filter((f) => f.kind === 'address_detail');

describe('address_detail', () => {
  it('keeps the address down to the district and hides the rest', () => {
    expect(published('住址：石嘴山市大武口区朝阳西街12号3栋2单元501室')).toBe('住址：石嘴山市大武口区******');
    expect(addressFindings('住址：石嘴山市大武口区朝阳西街12号3栋2单元501室')).toMatchObject([
      { text: '朝阳西街12号3栋2单元501室', confidence: 'high', keep: false },
    ]);
  });

  it('finds an address written with spaces around its numbers, as word processors leave them', () => {
    expect(published('住址：石嘴山市大武口区朝阳西街 8 号 3 单元 502 室。')).toBe('住址：石嘴山市大武口区******。');
    expect(published('现住大武口区长胜街道　12号　2单元501。')).toBe('现住大武口区******。');
    expect(addressFindings('经查，大武口区共有 5 人 3 个月未领取工资。')).toEqual([]);
  });

  it('handles villages, towns, estates and bare house numbers', () => {
    expect(published('户籍地：平罗县姚伏镇小店子村五队')).toBe('户籍地：平罗县******');
    expect(published('住所：石嘴山市惠农区红果子镇小店子村3组。')).toBe('住所：石嘴山市惠农区******。');
    expect(published('现住石嘴山市大武口区长城花园小区3号楼2单元501，')).toBe('现住石嘴山市大武口区******，');
    expect(published('住址：北京市西城区金融大街5号')).toBe('住址：北京市西城区******');
    expect(published('住址：石嘴山市朝阳西街3-2-501')).toBe('住址：石嘴山市******');
  });

  it('keeps a leading town when no county is written, but only after an address label', () => {
    expect(published('住址：姚伏镇小店子村五队')).toBe('住址：姚伏镇******');
    expect(addressFindings('执法人员在姚伏镇小店子村开展检查。')).toEqual([]);
  });

  it('is confident only with an address label', () => {
    expect(addressFindings('在大武口区朝阳西街12号检查时发现')).toMatchObject([{ text: '朝阳西街12号', confidence: 'medium' }]);
  });

  it('leaves offices, streets without a house, document numbers and dates alone', () => {
    for (const text of [
      '石嘴山市大武口区长胜街道办事处',
      '平罗县姚伏镇小店子村村委会',
      '石嘴山市大武口区朝阳西街',
      '石嘴山市大武口区人民法院',
      '石人社监罚〔2026〕12号',
      '石嘴山市2026年9月1日',
      '大武口区3家企业',
      '第二十六条第3组',
    ]) {
      expect(addressFindings(`见${text}。`), text).toEqual([]);
    }
  });

  it("keeps an organisation's address when keepAddressesOf names it", () => {
    const header = '当事人：石嘴山市某某建筑工程有限公司\n统一社会信用代码：91640200MA76L8Q3XE\n住所：石嘴山市大武口区朝阳西街12号\n';
    expect(addressFindings(header, { keepAddressesOf: ['石嘴山市某某建筑工程有限公司'] })).toMatchObject([
      { text: '朝阳西街12号', keep: true, replacement: '朝阳西街12号' },
    ]);
    expect(addressFindings(header)).toMatchObject([{ keep: false, replacement: '******' }]);
  });

  it("attributes an address after a person's name to that person, unless labelled as the organisation's", () => {
    const keepAddressesOf = ['石嘴山市某某建筑工程有限公司'];
    const afterRep = '当事人：石嘴山市某某建筑工程有限公司\n法定代表人：王五\n住所：石嘴山市大武口区朝阳西街12号\n';
    expect(addressFindings(afterRep, { keepAddressesOf })).toMatchObject([{ keep: false }]);
    const labelled = '当事人：石嘴山市某某建筑工程有限公司\n法定代表人：王五\n经营场所：石嘴山市大武口区朝阳西街12号\n';
    expect(addressFindings(labelled, { keepAddressesOf })).toMatchObject([{ keep: true }]);
    const home = '当事人：石嘴山市某某建筑工程有限公司，法定代表人王五，住址：石嘴山市大武口区朝阳西街8号';
    expect(addressFindings(home, { keepAddressesOf })).toMatchObject([{ keep: false }]);
  });

  it('does not carry an organisation across a sentence or a blank line', () => {
    const text = '当事人：石嘴山市某某建筑工程有限公司。\n\n投诉人住所：石嘴山市大武口区朝阳西街8号';
    expect(addressFindings(text, { keepAddressesOf: ['石嘴山市某某建筑工程有限公司'] })).toMatchObject([{ keep: false }]);
  });

  it('keeps an address listed in options.keep', () => {
    expect(addressFindings('住所：石嘴山市大武口区朝阳西街12号', { keep: ['石嘴山市大武口区朝阳西街12号'] })).toMatchObject([
      { keep: true },
    ]);
  });
});
