/**
 * Which fields each action's form shows, following what the server's handler reads (src/modules/cases/
 * actions.ts). The gates themselves (two officers, the AV list, the benchmark range …) are the server's:
 * the form sends what was entered and shows the server's reason when a gate refuses.
 */

export type ActionField =
  | 'officers'
  | 'itemStep'
  | 'evidence'
  | 'avException'
  | 'penalty'
  | 'benchmark'
  | 'service'
  | 'hearingOffered'
  | 'statementReview'
  | 'preservedItems'
  | 'installments'
  | 'rightsWaived'
  | 'hearing'
  | 'collective'
  | 'reviewRequired'
  | 'revocation';

export interface ActionForm {
  /** What the text record is called for this action. */
  noteLabel: string;
  /** The server refuses the action without a note. */
  noteRequired: boolean;
  fields: readonly ActionField[];
  /** A line of guidance above the form. */
  hint?: string;
}

const AV: readonly ActionField[] = ['itemStep', 'evidence', 'avException'];

export const ACTION_FORMS: Readonly<Record<string, ActionForm>> = {
  accept: { noteLabel: '受理意见', noteRequired: false, fields: [] },
  not_accept: { noteLabel: '不予受理的理由', noteRequired: true, fields: [] },
  file: { noteLabel: '立案审批意见', noteRequired: false, fields: [], hint: '立案后开始计算调查期限(60 个工作日)和作出决定期限(90 日)。' },
  investigate: {
    noteLabel: '调查取证记录(询问、检查的内容和发现)',
    noteRequired: true,
    fields: ['officers', ...AV],
    hint: '调查、检查应由两名以上持有效执法证件的执法人员进行;音像记录清单要求全程记录的环节须附录音或录像。',
  },
  inspect: {
    noteLabel: '现场检查记录(检查的事项、内容和发现)',
    noteRequired: true,
    fields: ['officers', ...AV],
    hint: '现场检查应由两名以上持有效执法证件的执法人员进行,出示证件;音像记录清单要求全程记录的环节须附录音或录像。一次入户检查全部抽查事项。',
  },
  conclude_inspection: {
    noteLabel: '检查结论(检查情况、发现的问题和处理)',
    noteRequired: true,
    fields: [],
    hint: '检查结论记入案卷后,在「检查任务」中录入并公示抽查结果(检查结束后 20 个工作日内)。',
  },
  preserve_evidence: {
    noteLabel: '证据可能灭失或者以后难以取得的情况',
    noteRequired: true,
    fields: ['officers', 'preservedItems', ...AV],
    hint: '先行登记保存须经负责人批准,由两名以上执法人员实施;应在 7 个工作日内作出处理决定(行政处罚法第五十六条)。',
  },
  dispose_preserved: {
    noteLabel: '处理决定(记录、复制、鉴定、没收或解除先行登记保存等)',
    noteRequired: true,
    fields: [],
  },
  extend_investigation: { noteLabel: '延长调查期限的理由', noteRequired: true, fields: [], hint: '调查期限只能延长一次(30 个工作日)。' },
  cancel: { noteLabel: '撤销立案的理由', noteRequired: true, fields: [] },
  end_investigation: { noteLabel: '调查终结报告(违法事实、证据、处理意见)', noteRequired: true, fields: ['reviewRequired'] },
  notify: { noteLabel: '告知说明', noteRequired: false, fields: ['penalty', 'hearingOffered', 'benchmark'] },
  serve_notice: { noteLabel: '送达情况', noteRequired: false, fields: ['service', 'rightsWaived', ...AV] },
  statement: {
    noteLabel: '当事人陈述、申辩的内容',
    noteRequired: true,
    fields: ['statementReview'],
    hint: '对当事人提出的事实、理由和证据应当进行复核;成立的,应当采纳。不得因当事人陈述、申辩而给予更重的处罚(行政处罚法第四十五条)。',
  },
  request_hearing: { noteLabel: '听证申请情况', noteRequired: false, fields: [] },
  hold_hearing: {
    noteLabel: '听证笔录摘要',
    noteRequired: true,
    fields: ['hearing', ...AV],
    hint: '听证通知应在举行听证的七日前送达;主持人不能是本案调查人员。',
  },
  decide: { noteLabel: '决定理由', noteRequired: false, fields: ['penalty', 'benchmark', 'collective'] },
  on_the_spot: {
    noteLabel: '当场处罚记录',
    noteRequired: false,
    fields: ['officers', 'penalty', 'benchmark', ...AV],
    hint: '当场处罚只能是警告,或对公民 200 元以下、对法人或其他组织 3000 元以下罚款。',
  },
  serve_decision: { noteLabel: '送达情况', noteRequired: false, fields: ['service', ...AV] },
  defer_payment: {
    noteLabel: '当事人的申请及确有经济困难的情况',
    noteRequired: true,
    fields: ['installments'],
    hint: '当事人确有经济困难的,经申请和批准可以暂缓或者分期缴纳罚款(行政处罚法第六十六条);须在缴款期限内批准。',
  },
  urge: {
    noteLabel: '催告情况',
    noteRequired: false,
    fields: ['service', 'evidence'],
    hint: '逾期不缴纳罚款的,先书面催告;催告书送达十日后当事人仍未履行的,方可申请人民法院强制执行(行政强制法第五十四条)。',
  },
  apply_enforcement: { noteLabel: '申请强制执行的情况(受理法院、申请内容)', noteRequired: true, fields: [] },
  close: { noteLabel: '结案报告', noteRequired: true, fields: [] },
  revoke_decision: {
    noteLabel: '理由(撤销、变更或确认的理由)',
    noteRequired: true,
    fields: ['revocation'],
    hint: '决定被撤销、变更或确认违法、无效的,登记后系统随即撤回已公开的决定(3 个工作日内,行政处罚法第四十八条),公开页面只保留撤回说明。',
  },
};

/** Actions for what happens to a decision afterwards: offered apart from the procedure's next steps. */
export const EXCEPTIONAL_ACTIONS: readonly string[] = ['revoke_decision'];

/** An action the console does not know yet (a newer server) still gets a date and a note. */
export const actionForm = (action: string): ActionForm =>
  ACTION_FORMS[action] ?? { noteLabel: '文字记录', noteRequired: false, fields: [] };
