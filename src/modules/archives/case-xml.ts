// data/case.xml: the case file as an electronic-record package in the manner of DA/T 48-2009 (基于XML的电子
// 文件封装规范) with metadata named after DA/T 46 (文书类电子文件元数据方案), as far as their public
// descriptions go. It is not a certified EEP: the content is not embedded as base64 (the files lie beside
// it in data/ and the BagIt manifests fix them), and the signature block is the ledger's signed checkpoint
// in data/ledger/ rather than an XML signature. Element names are Chinese as in the standards.

export interface CaseXmlInput {
  readonly agency: string;
  readonly createdAt: string;
  readonly caseNo: string;
  readonly title: string;
  readonly unitName: string;
  readonly procedure: string;
  readonly receivedOn: string;
  readonly filedOn: string | null;
  readonly closedOn: string | null;
  readonly parties: readonly { readonly kind: string; readonly name: string }[];
  readonly officers: readonly { readonly name: string; readonly certificateNo: string }[];
  readonly caseFile: {
    readonly archiveNo: string;
    readonly year: number;
    readonly retention: string;
    readonly pages: number;
    readonly acceptedAt: string;
    readonly acceptedBy: string;
  } | null;
  readonly files: readonly {
    readonly no: number;
    readonly title: string;
    readonly number: string | null;
    readonly responsible: string;
    readonly date: string;
    readonly pages: number | null;
    readonly mediaType: string;
    readonly path: string;
    readonly size: number;
    readonly sha256: string;
  }[];
  readonly steps: readonly {
    readonly seq: number;
    readonly performedOn: string;
    readonly action: string;
    readonly by: string;
    readonly ledgerIndex: number | null;
  }[];
  readonly ledger: { readonly origin: string; readonly treeSize: number };
}

/** XML 1.0 allows no C0 controls but tab, line feed and carriage return: they are dropped. */
const xmlChars = (text: string): string =>
  [...text].filter((c) => (c.codePointAt(0) ?? 0) >= 0x20 || c === '\t' || c === '\n' || c === '\r').join('');

const escapeXml = (text: string): string =>
  xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Node = string | { readonly [name: string]: Node | readonly Node[] | number | null };

function element(name: string, value: Node | readonly Node[] | number | null, indent: string): string {
  if (value === null) return `${indent}<${name}/>`;
  if (typeof value === 'number') return `${indent}<${name}>${value}</${name}>`;
  if (typeof value === 'string') return `${indent}<${name}>${escapeXml(value)}</${name}>`;
  const children = Array.isArray(value)
    ? (value as readonly Node[]).map((child) => body(child, `${indent}  `))
    : [body(value as Node, `${indent}  `)];
  return `${indent}<${name}>\n${children.join('\n')}\n${indent}</${name}>`;
}

function body(value: Node, indent: string): string {
  if (typeof value === 'string') return `${indent}${escapeXml(value)}`;
  return Object.entries(value)
    .map(([name, child]) => element(name, child, indent))
    .join('\n');
}

export function caseXml(input: CaseXmlInput): string {
  const file = input.caseFile;
  const archiveNo = file?.archiveNo ?? '';
  const fileEntities = input.files.map((f) => ({
    文件实体: {
      聚合层次: '件',
      件号: f.no,
      档号: archiveNo === '' ? null : `${archiveNo}-${String(f.no).padStart(3, '0')}`,
      内容描述: { 题名: f.title, 文件编号: f.number ?? null, 责任者: f.responsible, 日期: f.date },
      形式特征: { 页数: f.pages },
      文档数据: {
        电子属性: { 格式信息: f.mediaType, 计算机文件名: f.path, 计算机文件大小: f.size },
        数字摘要: { 摘要算法: 'SHA-256', 摘要值: f.sha256 },
      },
    },
  }));
  const tree: Node = {
    封装包格式描述:
      '本封装包参照 DA/T 48-2009《基于XML的电子文件封装规范》的结构生成;文件数据不以 Base64 内嵌,存于同一 BagIt 包的 data/ 目录,由 manifest-sha512.txt 与 manifest-sm3.txt 固定。',
    版本: '2009',
    被签名对象: {
      封装包类型: '原始型',
      封装包类型描述: '行政执法案卷:案卷级元数据、卷内文件及办案过程记录',
      封装包创建时间: input.createdAt,
      封装包创建单位: input.agency,
      封装内容: {
        案卷实体: {
          聚合层次: '卷',
          来源: { 全宗名称: input.agency, 立档单位名称: input.unitName },
          档号: archiveNo === '' ? null : archiveNo,
          年度: file ? file.year : null,
          保管期限: file ? file.retention : null,
          内容描述: {
            题名: input.title,
            案件编号: input.caseNo,
            办案程序: input.procedure,
            受理日期: input.receivedOn,
            立案日期: input.filedOn,
            结案日期: input.closedOn,
            当事人: input.parties.map((p) => ({ 名称: p.name })),
          },
          形式特征: { 件数: input.files.length, 页数: file ? file.pages : null },
          机构人员实体块: input.officers.map((o) => ({ 机构人员实体: { 机构人员名称: o.name, 执法证号: o.certificateNo } })),
          业务实体块: input.steps.map((s) => ({
            业务实体: { 业务状态: s.action, 行为时间: s.performedOn, 行为人: s.by, 顺序号: s.seq, 账本序号: s.ledgerIndex },
          })),
          归档: file ? { 接收时间: file.acceptedAt, 接收人: file.acceptedBy } : null,
        },
        文件实体块: fileEntities,
      },
    },
    电子签名块: {
      签名规则:
        '本包的真实性由防篡改账本证明:data/ledger/proofs.json 中每条记录的包含证明,指向 data/ledger/checkpoint.txt 中经 data/ledger/keys.txt 所列公钥签名的检查点。',
      账本名称: input.ledger.origin,
      检查点树大小: input.ledger.treeSize,
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element('电子文件封装包', tree, '')}\n`;
}
