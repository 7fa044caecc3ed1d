import type { Kysely } from 'kysely';
import { type BagTotals, type PayloadEntry, writeBag } from '../../platform/archive/bagit.js';
import { type LedgerProofEntry, ledgerKeysText, ledgerProofsJson } from '../../platform/archive/ledger-proofs.js';
import { bagReadme } from '../../platform/archive/readme.js';
import type { BlobStore } from '../../platform/blobs/index.js';
import type { NoteSigner } from '../../platform/crypto/signers.js';
import type { Database } from '../../platform/db/schema.js';
import { conflict, notFound } from '../../platform/errors.js';
import { entrySourceOf } from '../../platform/events/record-event.js';
import { createCheckpoint, inclusionProofAt } from '../../platform/ledger/checkpoints.js';
import { entryBytes } from '../../platform/ledger/entry.js';
import { leafHash, nodeKey } from '../../platform/ledger/merkle.js';
import { latestCheckpoint, loadNodes } from '../../platform/ledger/repository.js';
import { type CaseView, caseRecord } from '../cases/index.js';
import { listCaseDocuments } from '../documents/index.js';
import { caseEvidenceFiles } from '../evidence/index.js';
import { listPublicUnits } from '../org/index.js';

/**
 * `sanxiang export case <id>`: a closed case as a BagIt 1.0 bag that stays verifiable without this
 * software — the case record (data/case.json), its issued documents and evidence streamed from the
 * blob store, and every ledger entry about the case, its documents and its evidence with RFC 6962
 * inclusion proofs against one signed checkpoint (data/ledger/), plus a Chinese README.
 */

export interface ExportLedger {
  readonly origin: string;
  readonly signers: readonly NoteSigner[];
}

export interface CaseBagResult extends BagTotals {
  readonly caseNo: string;
  readonly documents: number;
  readonly evidence: number;
  readonly ledgerEntries: number;
  /** Size of the checkpoint the proofs are against. */
  readonly treeSize: number;
}

export const CASE_RECORD_FORMAT = 'sanxiang-case/1';

export async function exportCaseBag(
  db: Kysely<Database>,
  blobs: BlobStore,
  ledger: ExportLedger,
  /** The case's id or its number (2026-0001). */
  caseIdOrNumber: string,
  outDir: string,
  options: { readonly now?: Date } = {},
): Promise<CaseBagResult> {
  const view = await caseRecord(db, caseIdOrNumber);
  if (!view) throw notFound('case_not_found', `案件 ${caseIdOrNumber} 不存在`);
  const caseId = view.id;
  if (view.stage !== 'closed')
    throw conflict('case_not_closed', `案件 ${view.caseNo} 尚未结案(当前阶段:${view.stageLabel}),只有已结案的案件才能导出归档包`);
  const documents = await listCaseDocuments(db, caseId);
  const evidence = await caseEvidenceFiles(db, caseId);

  const payload: PayloadEntry[] = [];
  const documentFiles = new Map<string, string>();
  for (const doc of documents) {
    const name = `${safeName(doc.number ?? doc.id)}${doc.version > 1 ? `-第${doc.version}版` : ''}`;
    const file = `documents/${uniqueName(documentFiles, name)}.docx`;
    documentFiles.set(doc.id, file);
    payload.push({ path: file, content: { open: () => blobs.open(doc.sha256) } });
  }
  const evidenceFiles = new Map<string, string>();
  for (const item of evidence) {
    const file = `evidence/${item.id}-${safeName(item.filename)}`;
    evidenceFiles.set(item.id, file);
    payload.push({ path: file, content: { open: () => blobs.open(item.sha256) } });
  }

  const proofs = await ledgerProofs(db, ledger, [
    { type: 'case', ids: [caseId] },
    { type: 'document', ids: documents.map((d) => d.id) },
    { type: 'evidence', ids: evidence.map((e) => e.id) },
  ]);
  const record = caseJson(view, documents, documentFiles, evidence, evidenceFiles);
  payload.push(
    { path: 'case.json', content: Buffer.from(`${JSON.stringify(record, null, 2)}\n`, 'utf8') },
    { path: 'ledger/proofs.json', content: Buffer.from(proofs.json, 'utf8') },
    { path: 'ledger/checkpoint.txt', content: Buffer.from(proofs.checkpoint, 'utf8') },
    { path: 'ledger/keys.txt', content: Buffer.from(ledgerKeysText(ledger.origin, ledger.signers), 'utf8') },
  );

  const agency = await agencyOf(db, view.unitId);
  const baggingDate = shanghaiDate(options.now ?? new Date());
  const totals = await writeBag(outDir, {
    payload,
    info: [
      ['Source-Organization', agency],
      ['External-Identifier', view.caseNo],
      ['External-Description', view.title],
      ['Bagging-Date', baggingDate],
    ],
    tags: [
      {
        path: 'README.txt',
        content: bagReadme({
          caseNo: view.caseNo,
          caseName: view.title,
          agency,
          baggingDate,
          ledger: { origin: ledger.origin, treeSize: proofs.treeSize, entries: proofs.entries },
        }),
      },
    ],
  });
  return {
    ...totals,
    caseNo: view.caseNo,
    documents: documents.length,
    evidence: evidence.length,
    ledgerEntries: proofs.entries,
    treeSize: proofs.treeSize,
  };
}

type CaseDocument = Awaited<ReturnType<typeof listCaseDocuments>>[number];
type CaseEvidence = Awaited<ReturnType<typeof caseEvidenceFiles>>[number];

/** data/case.json: the case as recorded, with each step's ledger index and where its documents and evidence are in the bag. */
function caseJson(
  view: CaseView,
  documents: readonly CaseDocument[],
  documentFiles: ReadonlyMap<string, string>,
  evidence: readonly CaseEvidence[],
  evidenceFiles: ReadonlyMap<string, string>,
) {
  const officerName = new Map(view.officers.map((o) => [o.officerId, o.name]));
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  return {
    format: CASE_RECORD_FORMAT,
    id: view.id,
    caseNo: view.caseNo,
    title: view.title,
    unitId: view.unitId,
    procedure: view.procedure,
    source: view.source,
    itemCode: view.itemCode,
    stage: view.stage,
    stageLabel: view.stageLabel,
    receivedOn: view.receivedOn,
    filedOn: view.filedOn,
    closedOn: view.closedOn,
    summary: view.data.summary,
    parties: view.parties,
    officers: view.officers,
    steps: view.steps.map((s) => {
      const officerIds = strings(s.data.officerIds);
      return {
        seq: s.seq,
        performedOn: s.performedOn,
        action: s.action,
        actionLabel: s.actionLabel,
        stageAfter: s.stageAfter,
        note: typeof s.data.note === 'string' ? s.data.note : '',
        officers: officerIds.map((id) => ({ officerId: id, name: officerName.get(id) ?? '' })),
        evidenceIds: strings(s.data.evidenceIds),
        recordedBy: s.createdByName || s.createdBy,
        recordedAt: s.createdAt,
        ledgerIndex: s.ledgerIndex,
        data: s.data,
      };
    }),
    payments: view.payments,
    documents: documents.map((d) => ({
      id: d.id,
      type: d.type,
      title: d.title,
      number: d.number,
      version: d.version,
      supersedesId: d.supersedesId,
      supersededBy: d.supersededBy,
      documentDate: d.documentDate,
      sha256: d.sha256,
      size: d.size,
      issuedAt: d.issuedAt,
      file: `data/${documentFiles.get(d.id) ?? ''}`,
    })),
    evidence: evidence.map((e) => ({ ...e, file: `data/${evidenceFiles.get(e.id) ?? ''}` })),
  };
}

interface LedgerPart {
  readonly json: string;
  readonly checkpoint: string;
  readonly treeSize: number;
  readonly entries: number;
}

/**
 * Every ledger entry about the given subjects with its inclusion proof against the latest signed
 * checkpoint (a new one is signed first when the latest does not cover them all). Each entry is
 * recomputed from its event row and compared with the stored leaf, so a bag never carries an entry
 * the ledger does not hold.
 */
async function ledgerProofs(
  db: Kysely<Database>,
  ledger: ExportLedger,
  subjects: readonly { type: string; ids: readonly string[] }[],
): Promise<LedgerPart> {
  const wanted = subjects.filter((s) => s.ids.length > 0);
  const rows =
    wanted.length === 0
      ? []
      : await db
          .selectFrom('events')
          .selectAll()
          .where('ledger_index', 'is not', null)
          .where((eb) => eb.or(wanted.map((s) => eb.and([eb('subject_type', '=', s.type), eb('subject_id', 'in', [...s.ids])]))))
          .orderBy('ledger_index')
          .execute();
  const entries = rows.map((r) => {
    const index = Number(r.ledger_index);
    return { index, entry: entryBytes(entrySourceOf({ ...r, ledger_index: index })) };
  });
  const leaves = await loadNodes(
    db,
    entries.map((e) => ({ level: 0, index: e.index })),
  );
  for (const e of entries) {
    const stored = leaves.get(nodeKey(0, e.index));
    if (!stored?.equals(leafHash(e.entry)))
      throw conflict('ledger_mismatch', `账本第 ${e.index} 条与其事件记录不符,不能导出;请先运行 sanxiang verify 查明原因`);
  }
  const last = entries.at(-1)?.index ?? -1;
  let checkpoint = await latestCheckpoint(db);
  if (!checkpoint || checkpoint.size <= last) {
    await createCheckpoint(db, ledger.origin, ledger.signers);
    checkpoint = await latestCheckpoint(db);
  }
  if (!checkpoint || checkpoint.size <= last) throw conflict('no_checkpoint', '没有覆盖本案账本条目的签名检查点');
  const size = checkpoint.size;
  const proved: LedgerProofEntry[] = [];
  for (const e of entries) proved.push({ ...e, proof: await inclusionProofAt(db, e.index, size) });
  return {
    json: ledgerProofsJson({ origin: ledger.origin, treeSize: size, rootHash: Buffer.from(checkpoint.rootHash, 'hex'), entries: proved }),
    checkpoint: checkpoint.note,
    treeSize: size,
    entries: proved.length,
  };
}

/** The name of the agency: the root of the case's unit. */
async function agencyOf(db: Kysely<Database>, unitId: string): Promise<string> {
  const units = new Map((await listPublicUnits(db)).map((u) => [u.id, u]));
  let unit = units.get(unitId);
  for (let guard = 0; unit?.parentId && guard < 100; guard += 1) unit = units.get(unit.parentId) ?? unit;
  return unit?.name ?? '';
}

/** A file name from a 文号 or an uploaded name: no path separators, control characters or reserved Windows characters. */
function safeName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\p{Cc}/\\:*?"<>|]/gu, '_')
    .trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned;
}

function uniqueName(taken: ReadonlyMap<string, string>, name: string): string {
  const used = new Set([...taken.values()].map((f) => f.toLowerCase()));
  let candidate = name;
  for (let n = 2; used.has(`documents/${candidate}.docx`.toLowerCase()); n += 1) candidate = `${name}-${n}`;
  return candidate;
}

function shanghaiDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
