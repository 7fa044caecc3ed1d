import { type Cell, cell, label, line, table } from '../content.js';
import type { DocumentData } from '../data.js';
import { CASE_TITLE, field } from '../fields.js';
import type { Template } from '../template.js';
import { dateText, officerNames, v } from '../wording.js';

// 案卷 documents (the archives module fills `caseFile` when the archivist accepts a file): the cover, the
// 卷内文件目录 (one row per 件 in the conventional order) and the 卷内备考表.

const row = (...cells: Cell[]): Cell[] => cells;
const ARCHIVE_NO = field('caseFile.archiveNo', '档号');

function countText(data: DocumentData): string {
  const f = data.caseFile;
  if (f?.items === undefined && f?.pages === undefined) return v(undefined);
  return `${f?.items ?? 0} 件　${f?.pages ?? 0} 页`;
}

/** 行政执法案卷封面. */
export const caseFileCover: Template = {
  required: [
    ARCHIVE_NO,
    CASE_TITLE,
    field('case.number', '案件编号'),
    field('unitName', '承办单位'),
    field('dates.closed', '结案日期'),
    field('caseFile.retention', '保管期限'),
    field('caseFile.pages', '页数'),
  ],
  extraKeys: {},
  build: (data) => {
    const f = data.caseFile;
    return [
      table([
        row(label('档号'), cell(v(f?.archiveNo), 3)),
        row(label('案件名称'), cell(v(data.case?.title), 3, true)),
        row(label('案件编号'), cell(v(data.case?.number)), label('文号'), cell(f?.decisionNumber?.trim() || '无')),
        row(label('当事人'), cell(v(data.party?.name), 3)),
        row(label('承办单位'), cell(v(data.unitName), 3)),
        row(label('承办人'), cell(v(officerNames(data.officers) || undefined), 3)),
        row(
          label('立案日期'),
          cell(data.dates?.filed ? dateText(data.dates.filed) : '未立案'),
          label('结案日期'),
          cell(dateText(data.dates?.closed)),
        ),
        row(label('保管期限'), cell(v(f?.retention)), label('件数、页数'), cell(countText(data))),
      ]),
    ];
  },
};

/** 卷内文件目录: 件号, 文号, 责任者, 题名, 日期, 页数, 备注. */
export const caseFileCatalogue: Template = {
  required: [ARCHIVE_NO, field('caseFile.entries', '卷内文件')],
  extraKeys: {},
  build: (data) => {
    const entries = data.caseFile?.entries ?? [];
    const header = ['件号', '文号', '责任者', '题名', '日期', '页数', '备注'].map((t) => label(t));
    return [
      line(`档号：${v(data.caseFile?.archiveNo)}`),
      table(
        [
          header,
          ...entries.map((e) =>
            row(
              cell(String(e.no)),
              cell(e.number?.trim() || ''),
              cell(e.responsible?.trim() || ''),
              cell(e.title),
              cell(e.date ? e.date.replaceAll('-', '') : ''),
              cell(e.pages === null || e.pages === undefined ? '—' : String(e.pages)),
              cell(e.note?.trim() || ''),
            ),
          ),
        ],
        [0.07, 0.2, 0.15, 0.28, 0.12, 0.08, 0.1],
      ),
    ];
  },
};

/** 卷内备考表: what the file holds and who compiled and checked it. */
export const caseFileNotes: Template = {
  required: [
    ARCHIVE_NO,
    field('caseFile.compiledBy', '立卷人'),
    field('caseFile.checkedBy', '检查人'),
    field('caseFile.compiledOn', '立卷日期'),
  ],
  extraKeys: {},
  build: (data) => {
    const f = data.caseFile;
    const av = (f?.entries ?? []).filter((e) => e.pages === null).length;
    const summary = `本卷共 ${f?.items ?? 0} 件，${f?.pages ?? 0} 页${av > 0 ? `，其中录音录像等声像材料 ${av} 件（不计页数）` : ''}。`;
    return [
      table([
        row(label('档号'), cell(v(f?.archiveNo), 3)),
        row(label('本卷情况说明'), cell([summary, f?.note?.trim() ?? ''].filter((t) => t !== '').join('\n'), 3, true)),
        row(label('立卷人'), cell(v(f?.compiledBy)), label('立卷日期'), cell(dateText(f?.compiledOn))),
        row(label('检查人'), cell(v(f?.checkedBy)), label('检查日期'), cell(dateText(f?.compiledOn))),
      ]),
    ];
  },
};
