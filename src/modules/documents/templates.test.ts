import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { correctionText } from './compose.js';
import { renderDocx, renderHtml } from './render.js';
import { documentXml, KEY_WORDING, sampleData, unzip, visibleText } from './testing.js';
import { DOCUMENT_TYPES, type DocumentType } from './types.js';
import { cnNumber, yuanInWords } from './wording.js';

const NUMBER = '石人社监罚〔2026〕12号';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('every template renders as a GB/T 9704 .docx and as HTML', () => {
  it.each(DOCUMENT_TYPES.map((t) => [t.code, t] as const))('%s', async (code, def) => {
    const docx = await renderDocx(code, sampleData(), { number: def.numbered ? NUMBER : null });
    const entries = unzip(docx);
    expect(entries.has('[Content_Types].xml')).toBe(true);
    const xml = documentXml(docx);
    const text = visibleText(xml);
    expect(text).toContain(def.title);
    expect(text).toContain('石嘴山市人力资源和社会保障局');
    expect(text).toContain(KEY_WORDING[code]);
    if (def.numbered) expect(text).toContain(NUMBER);
    // A4 and the GB/T 9704 margins (37/35/28/26 mm) in twips.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // Title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 with exact 28 pt lines.
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('<w:sz w:val="44"/>');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toMatch(/w:line="560" w:lineRule="exact"/);
    if (def.layout === 'letter') {
      expect(xml).toContain('<w:sz w:val="32"/>');
      expect(xml).toContain('w:firstLineChars="200"');
      expect(xml).toContain('2026年3月12日');
    } else {
      expect(xml).toContain('<w:tbl>');
      expect(xml).toContain('w:val="single"');
    }

    const html = renderHtml(code, sampleData(), { number: def.numbered ? NUMBER : null });
    expect(html).toContain(def.title);
    expect(html).toContain(KEY_WORDING[code]);
    if (def.numbered) expect(html).toContain(NUMBER);
  });
});

describe('wording', () => {
  it('writes the 规范用语 of the prior notice and the decision (行政处罚法 §44/§45, §59, §63/§64, §67)', async () => {
    const notice = visibleText(documentXml(await renderDocx('penalty_prior_notice', sampleData(), { number: NUMBER })));
    expect(notice).toContain('你单位可以在收到本告知书之日起三个工作日内向本机关提出陈述、申辩意见');
    expect(notice).toContain('第六十三条、第六十四条');
    expect(notice).toContain('五个工作日内');
    const noHearing = renderHtml('penalty_prior_notice', sampleData({ rights: { hearing: false } }));
    expect(noHearing).not.toContain('要求举行听证');

    const decision = visibleText(documentXml(await renderDocx('penalty_decision', sampleData(), { number: NUMBER })));
    for (const element of [
      '当事人：石嘴山市某某建筑有限公司',
      '统一社会信用代码：91640200MA76XXXX1K',
      '经查，',
      '以上事实有以下证据证明',
      `SHA-256：${'a'.repeat(64)}`,
      '违反了《劳动保障监察条例》第二十六条的规定',
      '根据《中华人民共和国劳动合同法》第八十五条的规定',
      '罚款人民币50000元（大写：伍万元整）',
      '自收到本决定书之日起十五日内，将罚款缴至中国工商银行石嘴山分行',
      '本机关不直接收缴罚款',
      '六十日内向石嘴山市人民政府申请行政复议',
      '六个月内直接向石嘴山市大武口区人民法院提起行政诉讼',
      '石嘴山市人力资源和社会保障局2026年3月12日',
    ]) {
      expect(decision).toContain(element);
    }
    const person = renderHtml('penalty_decision', sampleData({ party: { kind: 'natural', name: '张三', idNumber: '1', address: '某地' } }));
    expect(person).toContain('身份证号码：1');
    expect(person).toContain('你应当自收到本决定书之日起');
  });

  it('writes amounts in capitals and periods in Chinese numerals', () => {
    expect(yuanInWords(50000)).toBe('伍万元整');
    expect(yuanInWords(10005.5)).toBe('壹万零伍元伍角整');
    expect(yuanInWords(186000)).toBe('壹拾捌万陆仟元整');
    expect(yuanInWords(1001.01)).toBe('壹仟零壹元零壹分');
    expect(yuanInWords(100000000)).toBe('壹亿元整');
    expect(cnNumber(3)).toBe('三');
    expect(cnNumber(15)).toBe('十五');
    expect(cnNumber(60)).toBe('六十');
  });

  it('cites the document a correction replaces', () => {
    expect(correctionText({ title: '行政处罚决定书', number: NUMBER, date: '2026-03-12', version: 1 })).toBe(
      `本文书更正2026年3月12日作出的${NUMBER}《行政处罚决定书》（第1版），原文书同时作废。`,
    );
  });
});

describe('required fields', () => {
  it.each(DOCUMENT_TYPES.map((t) => [t.code] as const))('%s refuses empty data, naming each missing field', async (code: DocumentType) => {
    const error = await refusal(renderDocx(code, {}));
    expect(error.code).toBe('document_data_incomplete');
    expect(error.kind).toBe('invalid');
    expect(error.extra.details?.length).toBeGreaterThan(0);
    for (const label of error.extra.details ?? []) expect(error.message).toContain(label);
  });

  it('lists exactly what is missing from a decision, in Chinese', async () => {
    const data = sampleData();
    delete data.payment;
    if (data.party) data.party.legalRepresentative = '';
    const error = await refusal(renderDocx('penalty_decision', data));
    expect(error.extra.details).toEqual(['法定代表人（主要负责人）', '罚款缴纳银行', '罚款收缴账户户名', '罚款收缴账号']);
    // A natural person has no 法定代表人; a penalty without a fine needs no bank.
    const person = sampleData({ party: { kind: 'natural', name: '张三', idNumber: '640202198001011234', address: '某地' } });
    delete person.payment;
    person.penalty = { types: ['警告'] };
    await expect(renderDocx('penalty_decision', person)).resolves.toBeInstanceOf(Buffer);
  });

  it('refuses malformed dates', async () => {
    const error = await refusal(renderDocx('penalty_decision', sampleData({ dates: { ...sampleData().dates, filed: '2026/1/5' } })));
    expect(error.code).toBe('document_data_invalid');
    expect(error.message).toContain('2026/1/5');
  });
});

describe('HTML preview', () => {
  it('escapes every input: a party named <script> stays text', () => {
    const hostile = '<script>alert("x")</script>&<img src=x onerror=alert(1)>';
    const html = renderHtml('penalty_prior_notice', sampleData({ party: { kind: 'organization', name: hostile }, facts: hostile }));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&lt;img src=x onerror=alert(1)&gt;');
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it('shows blanks and a 文号 placeholder in a draft instead of refusing it', () => {
    const html = renderHtml('penalty_decision', { agencyName: '某局' });
    expect(html).toContain('＿＿＿＿＿＿');
    expect(html).toContain('〔文号签发时生成〕');
    expect(html).toContain('Noto Serif CJK SC');
    expect(html).toContain('width:210mm');
  });
});
