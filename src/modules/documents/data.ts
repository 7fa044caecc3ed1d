/**
 * What a 执法文书 says: a plain object the cases module fills from the case. Every field is optional
 * here; each template names the fields it needs (`requiredFields`) and issuing refuses a document
 * whose required fields are empty with `document_data_incomplete`, listing each one in Chinese.
 *
 * Texts are written as they should be printed (no markup: renderers escape everything). Dates are
 * `YYYY-MM-DD` (Beijing civil dates); times are `YYYY-MM-DD HH:mm`. Money is in yuan.
 */
export interface DocumentData {
  /** 执法机关全称, printed above the title and in the 落款, e.g. 石嘴山市人力资源和社会保障局. */
  agencyName?: string;
  /** 承办机构, e.g. 劳动保障监察监督局 (approval forms, 送达回证). */
  unitName?: string;
  case?: CaseInfo;
  party?: PartyInfo;
  /** The 执法事项 the case is handled under. */
  item?: { code?: string; name?: string };
  /** 违法事实 / 案情, one or more paragraphs separated by line breaks. */
  facts?: string;
  evidence?: EvidenceEntry[];
  legalBases?: LegalBasis[];
  /** The 裁量基准 tier applied and why. */
  discretion?: { benchmarkCode?: string; benchmarkName?: string; tier?: string; reason?: string };
  penalty?: PenaltyInfo;
  /** 责令事项: what the party is ordered to do (限期改正指令书, 行政处理决定书). */
  orders?: string[];
  /** 执法人员 with their 执法证号 (at least two for investigative acts). */
  officers?: OfficerRef[];
  dates?: DocumentDates;
  /** Wording inputs of the 陈述申辩 and 听证 rights. */
  rights?: RightsInfo;
  /** 联系人, 联系电话, 联系地址 printed on notices. */
  contact?: { person?: string; phone?: string; address?: string };
  /** Where fines are paid (罚缴分离): passed in from the agency's configuration, never typed per case. */
  payment?: PaymentInfo;
  /** 送达: how, to whom, when and where a document was served (送达回证). */
  service?: ServiceInfo;
  /** 救济途径: 行政复议 body and period, 行政诉讼 court and period. */
  remedies?: RemediesInfo;
  /** 笔录 content: time, place, who was asked or inspected, and what was said. */
  record?: RecordInfo;
  /** Opinions on approval forms (立案审批表, 结案审批表), in order. */
  approvals?: ApprovalEntry[];
  /** 案卷 (the archives module fills it): the cover, the 卷内文件目录 and the 备考表 of an accepted case file. */
  caseFile?: CaseFileInfo;
  /** Anything a single template needs; each template documents its keys (see `requiredFields`). */
  extra?: Record<string, string>;
}

export interface CaseInfo {
  /** 案件编号 (the cases module's number). */
  number?: string;
  /** 案由, e.g. 某公司拖欠劳动者工资案. */
  title?: string;
  /** 案件来源: 投诉 / 举报 / 日常巡视检查 / 书面材料审查 / 其他部门移送 … */
  source?: string;
}

export interface PartyInfo {
  /** natural: a person (身份证号码); organization: a unit (统一社会信用代码, 法定代表人). */
  kind?: 'natural' | 'organization';
  name?: string;
  /** 身份证号码 (natural) or 统一社会信用代码 (organization). */
  idNumber?: string;
  /** 住所 / 住址. */
  address?: string;
  /** 法定代表人 (主要负责人) of an organization. */
  legalRepresentative?: string;
  phone?: string;
}

export interface EvidenceEntry {
  description: string;
  /** SHA-256 of the stored evidence, printed so the document can be checked against the record. */
  sha256?: string;
}

export interface LegalBasis {
  /** 法律文件全称 without book-title marks, e.g. 劳动保障监察条例. */
  law: string;
  /** e.g. 第二十六条第一款. */
  article: string;
  /** The article's text, when the template quotes it. */
  text?: string;
  /**
   * violated: the rule broken (also when no role is given); penalty: the 处罚/处理 basis. The power a
   * procedural notice is made under is the template's statutory default, or `extra.basis`.
   */
  role?: 'violated' | 'penalty';
}

export interface PenaltyInfo {
  /** 处罚种类, e.g. 警告, 罚款, 没收违法所得. */
  types?: string[];
  /** 罚款数额 in yuan. */
  amountYuan?: number;
  /** Anything else decided (没收的物品, 其他处理). */
  other?: string;
}

export interface OfficerRef {
  name: string;
  certificateNo: string;
}

export interface DocumentDates {
  /** 成文日期 (落款日期); the 文号 year is this date's year. Defaults to today in Beijing. */
  document?: string;
  /** 立案日期. */
  filed?: string;
  /** 期限届满日 (改正期限, 保存期限, 履行期限). */
  deadline?: string;
  /** Date the 事先告知书 was served (decisions cite it). */
  priorNoticeServed?: string;
  /** Date of the decision a 催告书 or 结案审批表 refers to. */
  decision?: string;
  /** Date that decision was served. */
  decisionServed?: string;
  /** 结案日期. */
  closed?: string;
}

export interface RightsInfo {
  /** 陈述、申辩 period in working days after receipt (default 3). */
  statementDays?: number;
  /** Whether the intended penalty is in the hearing scope (行政处罚法 §63): the notice then tells of it. */
  hearing?: boolean;
  /** 听证 request period in working days after receipt (default 5, 人社部门 practice). */
  hearingDays?: number;
  /** What became of the 陈述申辩/听证 (decisions), e.g. 当事人在规定期限内未提出陈述、申辩意见. */
  outcome?: string;
}

export interface PaymentInfo {
  /** 收款户名, 账号, 开户银行 of the fine collection account. */
  accountName?: string;
  account?: string;
  bank?: string;
  /** Days to pay after receipt (default 15, 行政处罚法 §67). */
  deadlineDays?: number;
}

export interface ServiceInfo {
  /** 直接送达 / 留置送达 / 邮寄送达 / 电子送达 / 公告送达 … */
  method?: string;
  /** Who signed for it (受送达人 or 代收人). */
  recipient?: string;
  /** `YYYY-MM-DD HH:mm`. */
  time?: string;
  place?: string;
  /** Title and 文号 of the document served, e.g. 行政处罚决定书(石人社监罚〔2026〕12号). */
  document?: string;
}

export interface RemediesInfo {
  /** 行政复议机关, e.g. 石嘴山市人民政府. */
  reconsiderationBody?: string;
  /** Default 六十日. */
  reconsiderationPeriod?: string;
  /** 人民法院, e.g. 石嘴山市大武口区人民法院. */
  litigationCourt?: string;
  /** Default 六个月. */
  litigationPeriod?: string;
}

export interface PersonInfo {
  name?: string;
  gender?: string;
  idNumber?: string;
  /** 工作单位 and 职务. */
  workUnit?: string;
  position?: string;
  phone?: string;
  address?: string;
}

export interface RecordInfo {
  /** `YYYY-MM-DD HH:mm`. */
  startTime?: string;
  endTime?: string;
  place?: string;
  /** 记录人. */
  recorder?: string;
  /** 被询问人 / 现场负责人 / 听证当事人代表. */
  subject?: PersonInfo;
  /** 在场人 / 见证人 / 其他参加人. */
  present?: string;
  /** What was asked and answered or observed, in order; `speaker` is 问, 答, 检查情况, 主持人 …. */
  lines?: { speaker: string; text: string }[];
}

export interface ApprovalEntry {
  /** 承办人意见 / 承办机构负责人意见 / 法制审核意见 / 负责人审批意见. */
  stage: string;
  opinion: string;
  signer?: string;
  date?: string;
}

export interface CaseFileInfo {
  /** 档号 */
  archiveNo?: string;
  /** 文号 of the case's decision, printed on the cover. */
  decisionNumber?: string;
  /** 保管期限: 永久 / 30年 / 10年. */
  retention?: string;
  /** 件数 and 页数 of the whole file. */
  items?: number;
  pages?: number;
  /** 卷内文件目录, in order. */
  entries?: CaseFileEntry[];
  /** 备考表: 本卷情况说明, 立卷人, 检查人 and the day. */
  note?: string;
  compiledBy?: string;
  checkedBy?: string;
  compiledOn?: string;
}

export interface CaseFileEntry {
  /** 件号 */
  no: number;
  title: string;
  /** 文号 */
  number?: string;
  /** 责任者 */
  responsible?: string;
  date?: string;
  /** null when not counted in pages (audio, video). */
  pages?: number | null;
  note?: string;
}
