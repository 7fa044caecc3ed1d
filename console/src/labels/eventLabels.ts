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
  'officer.created': '登记执法人员',
  'officer.updated': '修改执法人员信息',
  'officer.deleted': '删除执法人员',
  'officer.training_added': '登记培训记录',
  'officer.training_removed': '删除培训记录',
  'roster.batch_created': '起草执法人员清单变更',
  'roster.batch_updated': '修改执法人员清单变更',
  'roster.submitted': '报送执法人员清单',
  'roster.confirmed': '司法局确认执法人员清单',
  'roster.returned': '司法局退回执法人员清单',
  'roster.published': '公开执法人员清单',
  'catalog.item_created': '新增执法公示清单条目',
  'catalog.version_created': '新建执法公示清单版本',
  'catalog.version_updated': '修改执法公示清单草稿',
  'catalog.version_published': '发布执法公示清单版本',
  'calendar.seeded': '载入节假日数据',
  'calendar.year_submitted': '录入节假日安排',
  'calendar.year_approved': '审核节假日安排',
};

export function eventLabel(type: string): string {
  return EVENT_LABELS[type] ?? type;
}

/** Options for the type filter of 操作日志: the known types, by label. */
export const EVENT_TYPE_OPTIONS: { value: string; label: string }[] = Object.entries(EVENT_LABELS).map(([value, label]) => ({
  value,
  label: `${label}(${value})`,
}));
