/**
 * The README.txt at the top of an archive bag: how to check it by hand, decades from now, with
 * common tools and without this software. Plain text, UTF-8, CRLF-free; the bag's tag manifests
 * cover it, so a substituted README is detected too.
 */

export interface BagReadmeInput {
  readonly caseNo: string;
  readonly caseName?: string;
  readonly agency: string;
  /** YYYY-MM-DD */
  readonly baggingDate: string;
  /** Ledger origin and checkpoint size the proofs are against, when the bag carries ledger proofs. */
  readonly ledger?: { readonly origin: string; readonly treeSize: number; readonly entries: number };
  /** Where the agency publishes its ledger keys, for comparison with data/ledger/keys.txt. */
  readonly keysUrl?: string;
}

export function bagReadme(input: BagReadmeInput): string {
  const lines = [
    `${input.agency} 执法案卷归档包`,
    '',
    `案号:${input.caseNo}`,
    ...(input.caseName ? [`案件名称:${input.caseName}`] : []),
    `封装日期:${input.baggingDate}`,
    '',
    '一、这是什么',
    '本目录是按 BagIt 1.0(RFC 8493)封装的归档包。data/ 下是案卷内容(文书、证据、案件记录),',
    '其余是说明文件:bagit.txt(版本)、bag-info.txt(来源单位、案号、封装日期、Payload-Oxum)、',
    'manifest-sha512.txt 与 manifest-sm3.txt(data/ 下每个文件的 SHA-512 与 SM3 校验值)、',
    'tagmanifest-sha512.txt 与 tagmanifest-sm3.txt(上述说明文件和本文件的校验值)。',
    '若有 fetch.txt,其中列出的大文件(如执法记录视频)不在包内,需按所列地址另行获取后放到所列路径再核验。',
    '',
    '二、用本平台核验(最省事)',
    '  sanxiang verify-bag <本目录或其 zip 文件>',
    '全部通过时退出码为 0;任何文件被改动、缺失或多出,都会列出文件名,退出码为 1。',
    '',
    '三、不用本平台、手工核验',
    '1. SHA-512:清单每行为“校验值、两个空格、路径”,与 sha512sum 的格式相同,可在本目录下直接执行:',
    '     sha512sum -c manifest-sha512.txt',
    '     sha512sum -c tagmanifest-sha512.txt',
    '   每行应显示“成功/OK”。BagIt 把路径中的 %、回车、换行写成 %25、%0D、%0A;若有这样的文件名,',
    '   先把这三种写法还原成原字符再核对(本平台生成的文件名中通常没有)。Windows 可用',
    '   certutil -hashfile <文件> SHA512 逐个计算后与清单比对(certutil 输出可能分组,比对时忽略空格)。',
    '2. SM3(GB/T 32905):常见的 sm3 工具不能直接读取清单,需逐个文件计算后与 manifest-sm3.txt 比对:',
    '     openssl dgst -sm3 <文件>        (OpenSSL 1.1.1 及以上)',
    '     gmssl sm3 < <文件>              (GmSSL 3)',
    '   例如:while read h p; do echo "$h  $p"; openssl dgst -sm3 -r "$p"; done < manifest-sm3.txt',
    '   每对两行的校验值应相同。',
    '3. 完整性:data/ 下的文件应与清单一一对应(不多不少);bag-info.txt 中的 Payload-Oxum 为“总字节数.文件数”,',
    '   可用 find data -type f | wc -l 与 du -b --apparent-size 粗查。',
  ];
  if (input.ledger) {
    lines.push(
      '',
      '四、账本证明:这些记录确实写入过签名的防篡改账本',
      `办案过程中每一步都记入本机关的防篡改账本(日志名 ${input.ledger.origin})。data/ledger/ 下有:`,
      `  proofs.json     本案 ${input.ledger.entries} 条账本条目:序号(index)、条目原文(entry,base64)和包含证明(proof,base64 哈希)`,
      `  checkpoint.txt  账本在 ${input.ledger.treeSize} 条时的签名检查点(C2SP 签名笔记:日志名、条目数、根哈希,其后为签名行)`,
      '  keys.txt        验证签名用的公钥(Ed25519,以及 SM2/SM3)',
      '核验方法(RFC 6962 / RFC 9162 第 2.1 节):',
      '  (1) 叶子哈希 = SHA-256(0x00 ‖ 条目原文);',
      '  (2) 按包含证明逐个合并:节点哈希 = SHA-256(0x01 ‖ 左 ‖ 右),左右次序由序号和树大小决定',
      '      (RFC 9162 第 2.1.3.2 节给出了算法);',
      '  (3) 最后得到的值应等于 checkpoint.txt 第三行的根哈希(base64);',
      '  (4) 用 keys.txt 中的公钥验证 checkpoint.txt 的签名:被签名的是空行之前的三行文本(含末尾换行),',
      '      签名行中 base64 解码后前 4 字节为密钥标识,其后为签名。',
      '这证明:这些条目在签署检查点时已经存在于账本中,其后无法在不被发现的情况下改动或删除。',
      '条目原文只含哈希和编号(事件数据的 SHA-256、证据文件的 SHA-256 等),不含个人信息。',
      '注意:keys.txt 随包保存,应与本机关公开的公钥核对(或与其他来源保存的公钥比对),',
      `以排除整包被替换的可能${input.keysUrl ? `;公钥公开地址:${input.keysUrl}` : ''}。`,
    );
  }
  return `${lines.join('\n')}\n`;
}
