import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import { invalid } from '../../platform/errors.js';
import { avRulesFor, type BenchmarkData, benchmarkKind, currentEntry, entryVersion } from '../catalog/index.js';
import { type EvidenceFact, evidenceFacts } from '../evidence/index.js';
import { officersOnDate } from '../officers/index.js';
import type { BenchmarkChoice, Penalty } from './case-data.js';

// The gates of the procedure (issue 5 item 3): each refuses with a stable code and a reason a person
// can act on. Only the audio/video gate may be passed as an approved, recorded exception.

type Reader = Kysely<Database> | Trx;

/** At least two officers, each with a certificate valid on the day of the step (劳动保障监察条例 §16, 行政处罚法 §42). */
export async function checkOfficers(db: Reader, officerIds: readonly string[], on: string): Promise<void> {
  const ids = [...new Set(officerIds)];
  if (ids.length < 2) throw invalid('officers_required', '调查、检查应由两名以上执法人员进行,请选择至少两名执法人员');
  const found = await officersOnDate(db, ids, on);
  if (found.length !== ids.length) throw invalid('officer_not_found', '所选执法人员不存在');
  const invalidOnes = found.filter((o) => !o.valid);
  if (invalidOnes.length > 0) {
    const names = invalidOnes.map((o) => `${o.name}(证件号 ${o.certificateNo},${on} ${o.statusLabel})`).join('、');
    throw invalid('certificate_invalid', `执法证件在 ${on} 不是有效状态,不能从事执法活动:${names}`);
  }
}

export interface AvException {
  reason: string;
}

/**
 * A step the AV list marks 全程音像记录 needs an audio or video recording of this case attached. Without
 * one, only an approver may let it pass, with a written reason (equipment failure…), and that is recorded.
 */
export async function checkAvRecording(
  db: Reader,
  c: { id: string; itemCode: string },
  itemStep: string,
  evidenceIds: readonly string[],
  exception: AvException | null,
  canApprove: boolean,
): Promise<{ mandatory: boolean; exception: AvException | null }> {
  const rules = await avRulesFor(db, c.itemCode, itemStep);
  const mandatory = rules.some((r) => r.data.requirement === 'mandatory');
  const facts = await caseEvidence(db, c.id, evidenceIds);
  // The media type was sniffed from the bytes at ingest: a document declared as 录像 does not count.
  if (!mandatory || facts.some((f) => /^(audio|video)\//.test(f.mediaType))) return { mandatory, exception: null };
  const reason = exception?.reason.trim() ?? '';
  if (reason !== '' && canApprove) return { mandatory, exception: { reason } };
  const codes = rules.map((r) => r.code).join('、');
  throw invalid(
    'av_recording_required',
    `音像记录事项清单(${codes})要求「${itemStep}」环节全程音像记录,请附上该环节的录音或录像;确实无法录制的,须由负责人填写原因后审批通过`,
  );
}

/**
 * The evidence a step cites: it must exist and have been filed under this case, so one recording
 * cannot stand for several cases.
 */
async function caseEvidence(db: Reader, caseId: string, evidenceIds: readonly string[]): Promise<EvidenceFact[]> {
  const facts = await evidenceFacts(db, evidenceIds);
  if (facts.length !== new Set(evidenceIds).size) throw invalid('evidence_not_found', '所附证据不存在');
  if (facts.some((f) => f.caseId !== caseId)) throw invalid('evidence_not_of_case', '所附证据不属于本案;请在本案中上传或选择本案的证据');
  return facts;
}

/** 留置送达 needs photos or video of the delivery (the witnesses may be absent). */
export async function checkServiceEvidence(db: Reader, caseId: string, method: string, evidenceIds: readonly string[]): Promise<void> {
  const facts = await caseEvidence(db, caseId, evidenceIds);
  if (method !== '留置送达') return;
  if (!facts.some((f) => /^(image|video)\//.test(f.mediaType))) {
    throw invalid('retention_service_media_required', '留置送达须附送达过程的照片或录像');
  }
}

/** The decided penalty may not be heavier than the one notified (行政处罚法 §45 ②: no heavier penalty for defending oneself). */
export function checkNotHeavier(notified: Penalty, decided: Penalty): void {
  const added = decided.types.filter((t) => !notified.types.includes(t));
  if (added.length > 0) throw invalid('penalty_heavier_than_notified', `决定的处罚种类(${added.join('、')})未经事先告知,不得加重处罚`);
  if ((decided.fineYuan ?? 0) > (notified.fineYuan ?? 0)) {
    throw invalid(
      'penalty_heavier_than_notified',
      `决定的罚款 ${decided.fineYuan} 元高于事先告知的 ${notified.fineYuan ?? 0} 元,不得加重处罚`,
    );
  }
}

/**
 * A penalty names its 裁量基准 and tier. The fine must lie within the tier's range for this case (per
 * worker or as a multiple of the amount owed, by the tier's unit); a fine outside needs a written
 * reason and sends the case to 法制审核.
 */
export async function chooseBenchmark(
  db: Reader,
  itemCode: string,
  penalty: Penalty,
  input: { code: string; tierNo: number; departureReason: string; versionId?: string },
): Promise<BenchmarkChoice> {
  const entry = input.versionId
    ? await entryVersion<BenchmarkData>(db, benchmarkKind, input.versionId)
    : await currentEntry<BenchmarkData>(db, benchmarkKind, input.code);
  if (!entry) throw invalid('benchmark_not_found', `没有现行的裁量基准「${input.code}」`);
  if (entry.data.itemCode !== '' && entry.data.itemCode !== itemCode) {
    throw invalid('benchmark_item_mismatch', `裁量基准「${entry.code}」适用于执法事项 ${entry.data.itemCode},与本案事项 ${itemCode} 不符`);
  }
  const tier = entry.data.tiers[input.tierNo - 1];
  if (!tier) throw invalid('tier_not_found', `裁量基准「${entry.code}」没有第 ${input.tierNo} 个裁量阶次`);
  let range: [number, number] | null = null;
  if (tier.fineMin !== null && tier.fineMax !== null) {
    if (tier.fineUnit === '元') range = [tier.fineMin, tier.fineMax];
    else {
      const q = penalty.basisQuantity;
      if (q === null || q <= 0) {
        throw invalid(
          'basis_quantity_required',
          tier.fineUnit === '元/人'
            ? '该裁量阶次按人计算罚款,请填写受侵害的劳动者人数'
            : '该裁量阶次按倍数计算罚款,请填写计算基数(如欠缴或瞒报数额)',
        );
      }
      range = [tier.fineMin * q, tier.fineMax * q];
    }
  }
  const fine = penalty.fineYuan ?? 0;
  const withinTier = range === null ? fine === 0 : fine >= range[0] && fine <= range[1];
  const departureReason = input.departureReason.trim();
  if (!withinTier && departureReason === '') {
    const text = range === null ? '该阶次不处罚款' : `该阶次的罚款幅度为 ${range[0]}–${range[1]} 元`;
    throw invalid('departure_reason_required', `${text},拟处罚款不在幅度内;偏离裁量基准须写明理由,并将报送法制审核`);
  }
  return {
    code: entry.code,
    versionId: entry.versionId,
    tierNo: input.tierNo,
    tierLevel: tier.level,
    rangeYuan: range,
    withinTier,
    departureReason,
  };
}

/** 当场处罚 (行政处罚法 §51): a warning, or a fine up to 200 yuan for a person and 3000 yuan for an organisation. */
export function checkOnTheSpotLimits(partyKinds: readonly string[], penalty: Penalty): void {
  const allowed = penalty.types.every((t) => t === '警告' || t === '罚款');
  const limit = partyKinds.includes('organization') ? 3000 : 200;
  if (!allowed || (penalty.fineYuan ?? 0) > limit) {
    throw invalid(
      'on_the_spot_limit',
      `当场处罚只能是警告,或对公民处 200 元以下、对法人或者其他组织处 3000 元以下罚款;超出的须适用普通程序`,
    );
  }
}

/** The hearing presider may not be one of the case's investigators (行政处罚法 §64 ④). */
export function checkPresider(presiderId: string, investigatorIds: readonly string[]): void {
  if (investigatorIds.includes(presiderId)) throw invalid('presider_is_investigator', '听证主持人不能是本案的调查人员,请另行指定');
}
