import type { Trx } from '../../platform/db/transaction.js';
import { invalid } from '../../platform/errors.js';
import { required, textList } from './data-checks.js';
import type { KindDef } from './kinds.js';
import { itemCodeExists, unitExists } from './repository.js';
import type { WindowBoardData } from './vocabulary.js';

export type { BoardMaterial, BoardStaff, WindowBoardData } from './vocabulary.js';

export async function checkWindowBoardData(trx: Trx, data: WindowBoardData): Promise<WindowBoardData> {
  const staff = data.staff.map((s, i) => ({
    name: required(s.name, 'staff_name_required', `第 ${i + 1} 位工作人员的姓名`),
    post: required(s.post, 'staff_post_required', `第 ${i + 1} 位工作人员的岗位`),
    certificateNo: s.certificateNo.trim(),
  }));
  if (staff.length === 0) throw invalid('staff_required', '请填写至少一位窗口工作人员');
  const duties = textList(data.duties);
  if (duties.length === 0) throw invalid('duties_required', '请填写至少一项岗位职责');
  const itemCodes = textList(data.itemCodes);
  for (const code of itemCodes) if (!(await itemCodeExists(trx, code))) throw invalid('item_not_found', `执法事项「${code}」不存在`);
  if (!(await unitExists(trx, data.unitId))) throw invalid('unit_not_found', '所属单位不存在');
  return {
    name: required(data.name, 'name_required', '窗口名称'),
    windowNo: required(data.windowNo, 'window_no_required', '窗口编号'),
    unitId: data.unitId,
    location: data.location.trim(),
    hours: data.hours.trim(),
    staff,
    duties,
    itemCodes,
    materials: data.materials.map((m, i) => ({
      name: required(m.name, 'material_name_required', `第 ${i + 1} 项材料的名称`),
      sample: m.sample.trim(),
    })),
    progressQuery: required(data.progressQuery, 'progress_query_required', '办理进度查询渠道'),
    complaint: required(data.complaint, 'complaint_required', '投诉渠道'),
  };
}

export const windowBoardKind: KindDef<WindowBoardData> = {
  kind: 'window_board',
  label: '岗位职责公示牌',
  subject: 'catalog_window_board',
  check: checkWindowBoardData,
  summary: (d) => ({ name: d.name, category: d.windowNo, unitId: d.unitId, refCode: null }),
};
