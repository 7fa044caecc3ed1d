import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  GlobalOutlined,
  IdcardOutlined,
  InsertRowBelowOutlined,
  LineChartOutlined,
  NotificationOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { routes } from '../router';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Stable hook for end-to-end tests. */
  testId: string;
  /** The `/api/me` permission needed to see (and open) the page; none means everyone signed in. */
  permission?: string;
  /** The submenu (NAV_GROUPS key) the entry sits in; none: top level. */
  group?: string;
}

export interface NavGroup {
  key: string;
  label: string;
  icon: ReactNode;
  testId: string;
}

/** Submenus; one shows when any of its entries does, where its first entry would be. */
export const NAV_GROUPS: readonly NavGroup[] = [
  { key: 'inspections', label: '双随机抽查', icon: <ClusterOutlined />, testId: 'menu-group-inspections' },
];

/** The menu in display order. The server enforces every permission again; hiding is for clarity only. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: routes.dashboard, label: '工作台', icon: <DashboardOutlined />, testId: 'menu-dashboard' },
  { path: routes.cases, label: '案件办理', icon: <AuditOutlined />, testId: 'menu-cases', permission: 'case.list' },
  { path: routes.reviews, label: '法制审核', icon: <SafetyOutlined />, testId: 'menu-reviews', permission: 'review.list' },
  {
    path: routes.violationNotices,
    label: '违法行为公布',
    icon: <NotificationOutlined />,
    testId: 'menu-violation-notices',
    permission: 'violation_notice.read',
  },
  { path: routes.publications, label: '事后公开', icon: <GlobalOutlined />, testId: 'menu-publications', permission: 'publication.read' },
  {
    path: routes.annualReports,
    label: '统计年报',
    icon: <BarChartOutlined />,
    testId: 'menu-annual-reports',
    permission: 'annual_report.read',
  },
  ...inspectionEntries(),
  { path: routes.stats, label: '统计分析', icon: <LineChartOutlined />, testId: 'menu-stats', permission: 'stats.read' },
  { path: routes.evidence, label: '证据管理', icon: <FileProtectOutlined />, testId: 'menu-evidence', permission: 'evidence.list' },
  { path: routes.archives, label: '档案管理', icon: <FolderOpenOutlined />, testId: 'menu-archives', permission: 'archive.read' },
  {
    path: routes.evaluations,
    label: '案卷评查',
    icon: <CheckSquareOutlined />,
    testId: 'menu-evaluations',
    permission: 'archive.evaluation_read',
  },
  { path: routes.officers, label: '执法人员', icon: <IdcardOutlined />, testId: 'menu-officers', permission: 'officer.list' },
  { path: routes.roster, label: '清单确认', icon: <SafetyCertificateOutlined />, testId: 'menu-roster', permission: 'roster.list' },
  { path: routes.catalog, label: '执法公示清单', icon: <UnorderedListOutlined />, testId: 'menu-catalog', permission: 'catalog.list' },
  {
    path: routes.documentSettings,
    label: '文书设置',
    icon: <FileTextOutlined />,
    testId: 'menu-document-settings',
    permission: 'documents.read',
  },
  { path: routes.calendar, label: '工作日历', icon: <CalendarOutlined />, testId: 'menu-calendar' },
  { path: routes.users, label: '用户管理', icon: <TeamOutlined />, testId: 'menu-users', permission: 'user.list' },
  { path: routes.units, label: '机构管理', icon: <ApartmentOutlined />, testId: 'menu-units', permission: 'unit.create' },
  { path: routes.events, label: '操作日志', icon: <FileSearchOutlined />, testId: 'menu-events', permission: 'event.list_all' },
  { path: routes.profile, label: '我的账号', icon: <UserOutlined />, testId: 'menu-profile' },
];

/** 双随机、一公开: everyone who handles or oversees enforcement reads all of it; the pages offer each step by its own permission. */
function inspectionEntries(): NavItem[] {
  const entry = (path: string, label: string, icon: ReactNode, testId: string): NavItem => ({
    path,
    label,
    icon,
    testId,
    permission: 'inspection.read',
    group: 'inspections',
  });
  return [
    entry(routes.inspectionItems, '抽查事项清单', <UnorderedListOutlined />, 'menu-inspection-items'),
    entry(routes.inspectionEntities, '检查对象名录库', <InsertRowBelowOutlined />, 'menu-inspection-entities'),
    entry(routes.inspectors, '执法检查人员', <SolutionOutlined />, 'menu-inspectors'),
    entry(routes.inspectionPlans, '抽查计划', <ScheduleOutlined />, 'menu-inspection-plans'),
    entry(routes.inspectionTasks, '检查任务', <ProfileOutlined />, 'menu-inspection-tasks'),
  ];
}

export function visibleNavItems(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || permissions.includes(item.permission));
}
