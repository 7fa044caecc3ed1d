/** Chinese names for event types; a type not listed here (added by a newer server) is shown as its raw code. */
const EVENT_LABELS: Readonly<Record<string, string>> = {
  'auth.logged_in': '登录',
  'auth.logged_out': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.login_refused': '登录被拒绝',
  'user.created': '新增用户',
  'user.updated': '修改用户',
  'user.password_reset': '重置密码',
  'user.password_changed': '修改密码',
  'unit.created': '新增机构',
  'unit.updated': '修改机构',
  'evidence.ingested': '证据入库',
  'evidence.accessed': '调阅证据',
  'blob.fixity_checked': '存储文件例行核验',
  'blob.fixity_failed': '存储文件核验不符',
};

export function eventLabel(type: string): string {
  return EVENT_LABELS[type] ?? type;
}

/** Options for the type filter of 操作日志: the known types, by label. */
export const EVENT_TYPE_OPTIONS: { value: string; label: string }[] = Object.entries(EVENT_LABELS).map(([value, label]) => ({
  value,
  label: `${label}(${value})`,
}));
