import type { EvidenceFact } from '../evidence/index.js';
import { stepEvidenceIds } from './pre-checks-facts.js';
import { caseLink, type Judge, verdict } from './pre-checks-procedure.js';

// 事实证据: the recordings the AV list requires, and every cited evidence still the bytes that were
// ingested — re-hashed in the blob store and compared with the hash its ingest event put in the ledger.

const KIND_LABELS: Readonly<Record<string, string>> = { photo: '照片', audio: '录音', video: '录像', document: '文件' };

const evidenceLabel = (e: EvidenceFact) => `${KIND_LABELS[e.kind] ?? e.kind}(${e.recordedAt.slice(0, 10)},编号 ${e.id.slice(0, 8)})`;
const evidenceLink = (id: string) => `/console/evidence?id=${encodeURIComponent(id)}`;
const isRecording = (e: EvidenceFact) => /^(audio|video)\//.test(e.mediaType);

/**
 * 音像记录: each step the AV list marks 全程音像记录 has an audio or video recording of this case
 * attached; an exception approved at the step (with its reason) is shown for the reviewer to weigh.
 */
export const avRecording: Judge = (f) => {
  const c = f.case;
  const failures: string[] = [];
  const exceptions: string[] = [];
  let filmed = 0;
  for (const step of c.steps) {
    const itemStep = typeof step.data.itemStep === 'string' ? step.data.itemStep : '';
    const rules = f.mandatoryAv.get(itemStep);
    if (!rules) continue;
    const ids = stepEvidenceIds(step.data);
    const recorded = f.evidence.some((e) => ids.includes(e.id) && e.caseId === c.id && isRecording(e));
    const exception = step.data.avException as { reason?: unknown } | undefined;
    const at = `第 ${step.seq} 步「${step.actionLabel}」(${itemStep},${rules.join('、')})`;
    if (recorded) filmed++;
    else if (typeof exception?.reason === 'string') exceptions.push(`${at}无录音录像,经负责人批准例外:${exception.reason}`);
    else failures.push(`${at}属全程音像记录环节,未附录音或录像`);
  }
  const base = { key: 'av_recording', label: '音像记录', link: caseLink(c) };
  if (failures.length > 0) return { ...base, status: 'fail', detail: [...failures, ...exceptions].join(';') };
  if (exceptions.length > 0) return { ...base, status: 'attention', detail: exceptions.join(';') };
  return {
    ...base,
    status: 'pass',
    detail: filmed > 0 ? `${filmed} 个全程音像记录环节均附有录音录像` : '本案办理的环节均不属于音像记录清单中的全程音像记录环节',
  };
};

/** Why one evidence cannot be relied on as ingested, or null when it can. */
function integrityProblem(f: Parameters<Judge>[0], id: string): string | null {
  const e = f.evidence.find((x) => x.id === id);
  if (!e) return `证据 ${id.slice(0, 8)} 不存在`;
  const at = `证据${evidenceLabel(e)}`;
  if (e.caseId !== f.case.id) return `${at}不属于本案`;
  const fixity = f.fixity.get(e.sha256);
  if (fixity?.problem === 'missing') return `${at}的存储内容缺失`;
  if (fixity?.problem === 'altered')
    return `${at}的存储内容已被改动(现哈希 ${fixity.actualSha256?.slice(0, 12) ?? '?'}…,登记哈希 ${e.sha256.slice(0, 12)}…)`;
  if (!fixity?.ok) return `${at}的存储内容无法读取校验`;
  const ingest = f.ingest.find((r) => r.evidenceId === id);
  if (!ingest) return `${at}在账本中没有归集记录`;
  if (!ingest.blobs.includes(e.sha256)) return `${at}的登记哈希与账本归集记录不一致`;
  if (!ingest.inLedger) return `${at}的归集记录与账本第 ${ingest.ledgerIndex ?? '?'} 条不符`;
  return null;
}

/** 证据完整性: every cited evidence re-hashes to its SHA-256, which its ingest event in the ledger names. */
export const evidenceIntegrity: Judge = (f) => {
  const key = 'evidence_integrity';
  const label = '证据完整性';
  if (f.evidenceIds.length === 0) return { key, label, status: 'attention', detail: '各办案环节均未附证据材料', link: caseLink(f.case) };
  const failing = f.evidenceIds.map((id) => ({ id, problem: integrityProblem(f, id) })).filter((x) => x.problem !== null);
  const problems = failing.map((x) => x.problem ?? '');
  const ok = `${f.evidenceIds.length} 份证据的存储内容经重新计算 SHA-256 与登记一致,并与账本中的归集记录相符`;
  return verdict(f, key, label, problems, ok, failing[0] ? evidenceLink(failing[0].id) : undefined);
};
