import type { Role } from '../api/types';

/**
 * The role list as the server defines it, used until GET /api/roles answers (and if it fails),
 * so tags never flash raw codes. The server's list wins when it arrives.
 */
export const FALLBACK_ROLES: readonly Role[] = [
  { code: 'admin', label: '系统管理员', description: '管理用户、机构和系统设置' },
  { code: 'officer', label: '执法人员', description: '办理执法案件,记录执法全过程' },
  { code: 'unit_head', label: '承办机构负责人', description: '审批本机构案件,管理本机构人员' },
  { code: 'legal_reviewer', label: '法制审核人员', description: '对重大执法决定进行法制审核' },
  { code: 'leader', label: '局领导', description: '查阅全局执法情况,作出重大执法决定' },
  { code: 'archivist', label: '档案管理员', description: '执法案卷归档、保管和调阅' },
  { code: 'supervisor', label: '司法局监督人员', description: '只读监督:查阅执法记录、审核人员清单' },
];

export function roleLabel(code: string, roles: readonly Role[]): string {
  return roles.find((r) => r.code === code)?.label ?? code;
}
