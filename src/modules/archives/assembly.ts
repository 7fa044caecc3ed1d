import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { CaseView } from '../cases/index.js';
import { isArchivalType, listCaseDocuments } from '../documents/index.js';
import { caseEvidenceFiles } from '../evidence/index.js';

// The conventional order of a 案卷: 封面, 卷内文件目录, the documents in procedural order, the evidence, the
// internal approvals, the 备考表. This file gathers what a closed case holds (everything but the three
// generated documents, which the acceptance makes) in that order.

export const PARTS = ['cover', 'catalogue', 'document', 'evidence', 'approval', 'notes'] as const;
export type Part = (typeof PARTS)[number];
export const PART_LABELS: Readonly<Record<Part, string>> = {
  cover: '封面',
  catalogue: '卷内目录',
  document: '执法文书',
  evidence: '证据材料',
  approval: '内部审批',
  notes: '备考表',
};

/** Internal approvals (内部审批材料): filed after the evidence. */
const APPROVAL_TYPES: ReadonlySet<string> = new Set(['filing_approval', 'closing_approval', 'review_opinion']);

const EVIDENCE_TITLES: Readonly<Record<string, string>> = { photo: '照片', audio: '录音', video: '录像', document: '书证材料' };

export interface AssembledItem {
  readonly part: Part;
  readonly kind: 'document' | 'evidence';
  readonly refId: string;
  readonly title: string;
  readonly number: string | null;
  readonly responsible: string;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly mediaType: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly size: number;
  readonly note: string;
}

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Audio and video are kept as 声像 records: not counted in pages. */
export const isAudioVisual = (mediaType: string): boolean => mediaType.startsWith('audio/') || mediaType.startsWith('video/');

const shanghaiDate = (iso: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

/**
 * The documents and evidence of a case in the file's order. `exclude` names items already in an accepted
 * file (for a supplement: only what came after).
 */
export async function caseItems(
  db: Kysely<Database>,
  view: CaseView,
  agency: string,
  exclude: ReadonlySet<string> = new Set(),
): Promise<{ documents: AssembledItem[]; evidence: AssembledItem[]; approvals: AssembledItem[] }> {
  const docs = (await listCaseDocuments(db, view.id))
    .filter((d) => !isArchivalType(d.type) && !exclude.has(`document:${d.id}`))
    .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.id.localeCompare(b.id));
  const latestVersion = new Map(docs.map((d) => [d.id, d]));
  const asItem = (d: (typeof docs)[number], part: Part): AssembledItem => {
    const successor = d.supersededBy === null ? undefined : latestVersion.get(d.supersededBy);
    const notes = [
      d.version > 1 ? `更正件(第 ${d.version} 版)` : '',
      d.supersededBy !== null ? `已被更正${successor ? `(见第 ${successor.version} 版)` : ''}` : '',
    ].filter((n) => n !== '');
    return {
      part,
      kind: 'document',
      refId: d.id,
      title: d.title,
      number: d.number,
      responsible: agency,
      date: d.documentDate,
      mediaType: DOCX_MEDIA_TYPE,
      fileName: `${d.number ?? d.title}${d.version > 1 ? `-第${d.version}版` : ''}.docx`,
      sha256: d.sha256,
      size: d.size,
      note: notes.join(';'),
    };
  };
  const officers = view.officers.map((o) => o.name).join('、') || agency;
  const evidence = (await caseEvidenceFiles(db, view.id))
    .filter((e) => !exclude.has(`evidence:${e.id}`))
    .map(
      (e): AssembledItem => ({
        part: 'evidence',
        kind: 'evidence',
        refId: e.id,
        title: `${EVIDENCE_TITLES[e.kind] ?? '证据'}:${e.filename}`,
        number: null,
        responsible: officers,
        date: shanghaiDate(e.recordedAt),
        mediaType: e.mediaType,
        fileName: e.filename,
        sha256: e.sha256,
        size: e.size,
        note: '',
      }),
    );
  return {
    documents: docs.filter((d) => !APPROVAL_TYPES.has(d.type)).map((d) => asItem(d, 'document')),
    evidence,
    approvals: docs.filter((d) => APPROVAL_TYPES.has(d.type)).map((d) => asItem(d, 'approval')),
  };
}
