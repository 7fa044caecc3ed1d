import { verifyLedgerProofs } from '../../platform/archive/ledger-proofs.js';
import type { BlobStore } from '../../platform/blobs/index.js';
import { AppError } from '../../platform/errors.js';
import type { CaseView } from '../cases/index.js';
import { type FileProbe, probeBlob } from './blob-probe.js';
import {
  type CheckLine,
  FOUR_CHECKS_FORMAT,
  type FourChecksReport,
  PROPERTIES,
  PROPERTY_LABELS,
  type Property,
} from './four-checks-report.js';
import type { LedgerPart } from './ledger-part.js';

// 四性检测 (DA/T 70-2018) of a case file: 真实性 (the stored content hashes to what was recorded, the ledger
// attests each hash, the proofs and the checkpoint's signatures verify), 完整性 (every catalogue entry
// present, the case's steps without gaps and each in the ledger, no 文号 twice, every corrected document's
// correction in the file), 可用性 (each file opens as what it is) and 安全性 (allowed types, no active
// content). An `error` line refuses acceptance; a `warning` is reported and left to the archivist.

export {
  type CheckLine,
  FOUR_CHECKS_FORMAT,
  type FourChecksReport,
  PROPERTIES,
  PROPERTY_LABELS,
  type Property,
} from './four-checks-report.js';

/** What the checks need of each item of the file. */
export interface CheckedItem {
  readonly position: number;
  readonly kind: 'document' | 'evidence';
  readonly refId: string;
  readonly title: string;
  readonly number: string | null;
  readonly sha256: string;
  readonly mediaType: string;
  readonly fileName: string;
  readonly note: string;
}

export interface FourChecksResult {
  readonly report: FourChecksReport;
  /** Each item's probe by 件号 (pages counted where they can be). */
  readonly probes: ReadonlyMap<number, FileProbe>;
}

export async function runFourChecks(
  blobs: BlobStore,
  view: CaseView,
  items: readonly CheckedItem[],
  ledger: () => Promise<LedgerPart>,
  now: Date = new Date(),
): Promise<FourChecksResult> {
  const lines: CheckLine[] = [];
  const add = (
    property: Property,
    item: number | null,
    passed: boolean,
    name: string,
    detail: string,
    severity: CheckLine['severity'] = 'error',
  ) => lines.push({ property, item, passed, severity, name, detail });
  const probes = new Map<number, FileProbe>();

  // 真实性 and 可用性/安全性, item by item.
  for (const item of items) {
    const fixity = await blobs.verify(item.sha256);
    add(
      'authenticity',
      item.position,
      fixity.ok,
      '内容与登记的哈希一致',
      fixity.ok
        ? `SHA-256 ${item.sha256.slice(0, 16)}…`
        : fixity.problem === 'missing'
          ? '文件内容已不在存储中'
          : `文件内容已被改动(现为 ${fixity.actualSha256?.slice(0, 16) ?? '未知'}…)`,
    );
    add(
      'integrity',
      item.position,
      fixity.problem !== 'missing',
      '卷内目录所列文件齐全',
      fixity.problem === 'missing' ? '缺少该文件' : '文件存在',
    );
    if (fixity.problem === 'missing') continue;
    const probe = await probeBlob(blobs, item.sha256, { mediaType: item.mediaType, fileName: item.fileName });
    probes.set(item.position, probe);
    add('usability', item.position, probe.usable, '文件可以正常打开', probeDetail(probe));
    add('security', item.position, probe.secure, '文件类型允许归档且不含活动内容', probe.secure ? probe.format : probe.problems.join(';'));
  }

  // 真实性: the ledger holds each hash, and its proofs and signatures verify.
  let ledgerFacts: FourChecksReport['ledger'] = { treeSize: null, entries: 0, verifiedBy: [] };
  try {
    const part = await ledger();
    const verified = verifyLedgerProofs(part.json, part.checkpoint, part.keys);
    ledgerFacts = { treeSize: part.treeSize, entries: part.entries, verifiedBy: verified.verifiedBy };
    add(
      'authenticity',
      null,
      verified.ok,
      '账本包含证明与检查点签名有效',
      verified.ok
        ? `${part.entries} 条账本记录均在大小为 ${part.treeSize} 的签名检查点中(签名:${verified.verifiedBy.join('、')})`
        : verified.problems.map((p) => p.reason).join(';'),
    );
    for (const item of items) {
      const attested = part.proved.some(
        (p) => p.subjectType === item.kind && p.subjectId === item.refId && p.entry.includes(Buffer.from(item.sha256, 'utf8')),
      );
      add('authenticity', item.position, attested, '账本登记了该文件的哈希', attested ? '已登记' : '账本中没有登记该文件哈希的记录');
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // A preview does not sign: proofs against a checkpoint yet to come are a note, not a failure.
    add(
      'authenticity',
      null,
      false,
      '账本包含证明与检查点签名有效',
      error.message,
      error.code === 'checkpoint_pending' ? 'warning' : 'error',
    );
  }

  // 完整性 of the case record.
  const seqs = view.steps.map((s) => s.seq);
  const gapless = seqs.every((seq, i) => seq === i + 1);
  add('integrity', null, gapless, '办案步骤连续无缺号', gapless ? `共 ${seqs.length} 步` : `步骤序号为 ${seqs.join('、')}`);
  const unledgered = view.steps.filter((s) => s.ledgerIndex === null);
  add(
    'integrity',
    null,
    unledgered.length === 0,
    '每个办案步骤均已记入账本',
    unledgered.length === 0 ? '全部记入' : `第 ${unledgered.map((s) => s.seq).join('、')} 步未记入账本`,
  );
  const numbers = items.filter((i) => i.kind === 'document' && i.number !== null && !i.note.includes('更正件'));
  const twice = numbers.filter((item, at) => numbers.findIndex((other) => other.number === item.number) !== at);
  add(
    'integrity',
    null,
    twice.length === 0,
    '文号不重复',
    twice.length === 0 ? `${numbers.length} 个文号` : `重复的文号:${twice.map((i) => i.number).join('、')}`,
  );
  const decisionFiled = !view.data.decision || items.some((i) => i.kind === 'document' && /决定书$/.test(i.title));
  add('integrity', null, decisionFiled, '作出决定的案件附有决定书', decisionFiled ? '齐全' : '案件作出了决定,卷内没有决定书', 'warning');

  const summary = Object.fromEntries(
    PROPERTIES.map((p) => {
      const mine = lines.filter((l) => l.property === p);
      const failures = mine.filter((l) => !l.passed && l.severity === 'error').length;
      return [p, { passed: failures === 0, checks: mine.length, failures }];
    }),
  ) as Record<Property, { passed: boolean; checks: number; failures: number }>;
  return {
    report: {
      format: FOUR_CHECKS_FORMAT,
      caseId: view.id,
      caseNo: view.caseNo,
      checkedAt: now.toISOString(),
      passed: PROPERTIES.every((p) => summary[p].passed),
      summary,
      lines,
      ledger: ledgerFacts,
    },
    probes,
  };
}

function probeDetail(probe: FileProbe): string {
  if (!probe.usable) return probe.problems.join(';');
  const d = probe.details;
  const facts = [
    probe.format,
    d.pages !== undefined ? `${d.pages} 页` : '',
    d.width !== undefined && d.height !== undefined ? `${d.width}×${d.height}` : '',
    d.durationSeconds !== undefined ? `${Math.round(d.durationSeconds)} 秒` : '',
  ].filter((f) => f !== '');
  return facts.join(',');
}

/** The failed lines as sentences (for a refusal's details). */
export function failureSentences(report: FourChecksReport, titleOf: (position: number) => string): string[] {
  return report.lines
    .filter((l) => !l.passed && l.severity === 'error')
    .map(
      (l) =>
        `${PROPERTY_LABELS[l.property]}:${l.item === null ? '' : `第 ${l.item} 件《${titleOf(l.item)}》`}${l.name}未通过 — ${l.detail}`,
    );
}
