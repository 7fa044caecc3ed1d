import type { Kysely } from 'kysely';
import { digestStream } from '../../platform/archive/bag-source.js';
import { type BagTotals, type FetchEntry, type PayloadEntry, writeBag } from '../../platform/archive/bagit.js';
import { bagReadme } from '../../platform/archive/readme.js';
import type { BlobStore } from '../../platform/blobs/index.js';
import type { Database } from '../../platform/db/schema.js';
import { conflict, notFound } from '../../platform/errors.js';
import { type CaseView, caseRecord } from '../cases/index.js';
import { type IssuedDocument, listCaseDocuments } from '../documents/index.js';
import { caseEvidenceFiles } from '../evidence/index.js';
import { agencyOf } from './agency.js';
import { caseXml } from './case-xml.js';
import { type ExportLedger, ledgerPart } from './ledger-part.js';
import { type CaseFileRow, findCaseFileOfCase, type ItemRow, listItems } from './repository.js';
import { RETENTION_LABELS, type RetentionClass } from './retention.js';

/**
 * `sanxiang export case <id>` and the console's 导出: a closed case as a BagIt 1.0 bag that stays
 * verifiable without this software — the case record (data/case.json and an EEP-style data/case.xml),
 * its documents and evidence streamed from the blob store (an accepted 案卷 in its catalogue order, each
 * file named by its 件号), and every ledger entry about the case, its file, documents and evidence with
 * RFC 6962 inclusion proofs against one signed checkpoint (data/ledger/), plus a Chinese README. Very
 * large audio/video may be left in object storage and listed in fetch.txt instead.
 */

export type { ExportLedger } from './ledger-part.js';

export interface CaseBagResult extends BagTotals {
  readonly caseNo: string;
  readonly archiveNo: string | null;
  readonly documents: number;
  readonly evidence: number;
  readonly fetched: number;
  readonly ledgerEntries: number;
  /** Size of the checkpoint the proofs are against. */
  readonly treeSize: number;
}

export interface ExportOptions {
  readonly now?: Date;
  /** Audio/video of at least `minBytes` stay in object storage: listed in fetch.txt as `baseUrl/<sha256>`. */
  readonly fetch?: { readonly minBytes: number; readonly baseUrl: string };
}

export const CASE_RECORD_FORMAT = 'sanxiang-case/1';

type CaseEvidence = Awaited<ReturnType<typeof caseEvidenceFiles>>[number];

export async function exportCaseBag(
  db: Kysely<Database>,
  blobs: BlobStore,
  ledger: ExportLedger,
  /** The case's id or its number (2026-0001). */
  caseIdOrNumber: string,
  outDir: string,
  options: ExportOptions = {},
): Promise<CaseBagResult> {
  const view = await caseRecord(db, caseIdOrNumber);
  if (!view) throw notFound('case_not_found', `案件 ${caseIdOrNumber} 不存在`);
  if (view.stage !== 'closed')
    throw conflict('case_not_closed', `案件 ${view.caseNo} 尚未结案(当前阶段:${view.stageLabel}),只有已结案的案件才能导出归档包`);
  const file = await findCaseFileOfCase(db, view.id);
  if (file?.state === 'disposed') throw conflict('case_file_disposed', `案卷 ${file.archive_no} 已按销毁清单销毁,内容不复存在`);
  const items = file ? await listItems(db, file.id) : [];
  const inFile = (kind: string, id: string) => !file || items.some((i) => i.kind === kind && i.ref_id === id);
  const documents = (await listCaseDocuments(db, view.id)).filter((d) => inFile('document', d.id));
  const evidence = (await caseEvidenceFiles(db, view.id)).filter((e) => inFile('evidence', e.id));
  const position = new Map(items.map((i) => [`${i.kind}:${i.ref_id}`, Number(i.position)]));
  const numbered = (kind: string, id: string, name: string) => {
    const no = position.get(`${kind}:${id}`);
    return no === undefined ? name : `${String(no).padStart(3, '0')}-${name}`;
  };

  const payload: PayloadEntry[] = [];
  const fetch: FetchEntry[] = [];
  const taken = new Set<string>();
  const documentFiles = new Map<string, string>();
  for (const doc of documents) {
    const name = `${safeName(doc.number ?? (file ? doc.title : doc.id))}${doc.version > 1 ? `-第${doc.version}版` : ''}`;
    const path = unique(taken, `documents/${numbered('document', doc.id, name)}`, '.docx');
    documentFiles.set(doc.id, path);
    payload.push({ path, content: { open: () => blobs.open(doc.sha256) } });
  }
  const evidenceFiles = new Map<string, string>();
  for (const item of evidence) {
    const path = unique(taken, `evidence/${numbered('evidence', item.id, `${item.id}-${safeName(item.filename)}`)}`, '');
    evidenceFiles.set(item.id, path);
    const av = item.mediaType.startsWith('video/') || item.mediaType.startsWith('audio/');
    if (options.fetch && av && item.size >= options.fetch.minBytes) {
      // Hashed from the store (one streaming read, no copy): the bag lists it with both digests.
      const { hashes, octets } = await digestStream(await blobs.open(item.sha256), ['sha512', 'sm3']);
      fetch.push({
        url: `${options.fetch.baseUrl.replace(/\/+$/, '')}/${item.sha256}`,
        path,
        length: octets,
        sha512: hashes.get('sha512') ?? '',
        sm3: hashes.get('sm3') ?? '',
      });
    } else payload.push({ path, content: { open: () => blobs.open(item.sha256) } });
  }

  const proofs = await ledgerPart(db, ledger, [
    { type: 'case', ids: [view.id] },
    { type: 'case_file', ids: file ? [file.id] : [] },
    { type: 'document', ids: documents.map((d) => d.id) },
    { type: 'evidence', ids: evidence.map((e) => e.id) },
  ]);
  const agency = await agencyOf(db, view.unitId);
  const now = options.now ?? new Date();
  const record = caseJson(view, file, items, documents, documentFiles, evidence, evidenceFiles);
  const xml = caseXml({
    agency: agency.name,
    createdAt: now.toISOString(),
    caseNo: view.caseNo,
    title: view.title,
    unitName: (await db.selectFrom('units').select('name').where('id', '=', view.unitId).executeTakeFirst())?.name ?? '',
    procedure: view.procedure,
    receivedOn: view.receivedOn,
    filedOn: view.filedOn,
    closedOn: view.closedOn,
    parties: view.parties,
    officers: view.officers,
    caseFile: file
      ? {
          archiveNo: file.archive_no,
          year: Number(file.year),
          retention: RETENTION_LABELS[file.retention as RetentionClass] ?? file.retention,
          pages: Number(file.pages),
          acceptedAt: file.accepted_at,
          acceptedBy: file.accepted_by_name,
        }
      : null,
    files: fileList(items, documents, documentFiles, evidence, evidenceFiles, agency.name),
    steps: view.steps.map((s) => ({
      seq: s.seq,
      performedOn: s.performedOn,
      action: s.actionLabel,
      by: s.createdByName,
      ledgerIndex: s.ledgerIndex,
    })),
    ledger: { origin: ledger.origin, treeSize: proofs.treeSize },
  });
  payload.push(
    { path: 'case.json', content: Buffer.from(`${JSON.stringify(record, null, 2)}\n`, 'utf8') },
    { path: 'case.xml', content: Buffer.from(xml, 'utf8') },
    { path: 'ledger/proofs.json', content: Buffer.from(proofs.json, 'utf8') },
    { path: 'ledger/checkpoint.txt', content: Buffer.from(proofs.checkpoint, 'utf8') },
    { path: 'ledger/keys.txt', content: Buffer.from(proofs.keys, 'utf8') },
  );

  const baggingDate = shanghaiDate(now);
  const totals = await writeBag(outDir, {
    payload,
    fetch,
    info: [
      ['Source-Organization', agency.name],
      ['External-Identifier', view.caseNo],
      ...(file ? ([['Internal-Sender-Identifier', file.archive_no]] as const) : []),
      ['External-Description', view.title],
      ['Bagging-Date', baggingDate],
    ],
    tags: [
      {
        path: 'README.txt',
        content: bagReadme({
          caseNo: view.caseNo,
          caseName: view.title,
          agency: agency.name,
          baggingDate,
          ledger: { origin: ledger.origin, treeSize: proofs.treeSize, entries: proofs.entries },
        }),
      },
    ],
  });
  return {
    ...totals,
    caseNo: view.caseNo,
    archiveNo: file?.archive_no ?? null,
    documents: documents.length,
    evidence: evidence.length,
    fetched: fetch.length,
    ledgerEntries: proofs.entries,
    treeSize: proofs.treeSize,
  };
}

/** The catalogue of what the bag holds: the file's items in order, or (before acceptance) documents then evidence. */
function fileList(
  items: readonly ItemRow[],
  documents: readonly IssuedDocument[],
  documentFiles: ReadonlyMap<string, string>,
  evidence: readonly CaseEvidence[],
  evidenceFiles: ReadonlyMap<string, string>,
  agency: string,
) {
  if (items.length > 0)
    return items.map((i) => ({
      no: Number(i.position),
      title: i.title,
      number: i.number,
      responsible: i.responsible,
      date: i.item_date,
      pages: i.pages === null ? null : Number(i.pages),
      mediaType: i.media_type,
      path: `data/${(i.kind === 'document' ? documentFiles : evidenceFiles).get(i.ref_id) ?? ''}`,
      size: Number(i.size),
      sha256: i.sha256,
    }));
  return [
    ...documents.map((d) => ({
      title: d.title,
      number: d.number,
      responsible: agency,
      date: d.documentDate,
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      path: `data/${documentFiles.get(d.id) ?? ''}`,
      size: d.size,
      sha256: d.sha256,
      pages: null,
    })),
    ...evidence.map((e) => ({
      title: e.filename,
      number: null,
      responsible: '',
      date: e.recordedAt.slice(0, 10),
      mediaType: e.mediaType,
      path: `data/${evidenceFiles.get(e.id) ?? ''}`,
      size: e.size,
      sha256: e.sha256,
      pages: null,
    })),
  ].map((f, i) => ({ ...f, no: i + 1 }));
}

/** data/case.json: the case as recorded, with each step's ledger index and where its documents and evidence are in the bag. */
function caseJson(
  view: CaseView,
  file: CaseFileRow | undefined,
  items: readonly ItemRow[],
  documents: readonly IssuedDocument[],
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
    caseFile: file
      ? {
          id: file.id,
          archiveNo: file.archive_no,
          retention: file.retention,
          retentionUntil: file.retention_until,
          pages: Number(file.pages),
          acceptedAt: file.accepted_at,
          acceptedBy: file.accepted_by_name,
          items: items.map((i) => ({
            position: Number(i.position),
            part: i.part,
            title: i.title,
            number: i.number,
            date: i.item_date,
            pages: i.pages === null ? null : Number(i.pages),
            supplement: Number(i.supplement),
            file: `data/${(i.kind === 'document' ? documentFiles : evidenceFiles).get(i.ref_id) ?? ''}`,
          })),
        }
      : null,
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

/** A file name from a 文号 or an uploaded name: no path separators, control characters or reserved Windows characters. */
function safeName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\p{Cc}/\\:*?"<>|]/gu, '_')
    .trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned;
}

/** `base + ext`, or `base-2 + ext` … when a file of that name (case-insensitively) is already in the bag. */
function unique(taken: Set<string>, base: string, ext: string): string {
  let candidate = `${base}${ext}`;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${base}-${n}${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function shanghaiDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
