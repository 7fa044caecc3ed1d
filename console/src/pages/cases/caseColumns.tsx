import { type TableColumnsType, Tag, Typography } from 'antd';
import type { CaseSummary } from '../../api/cases';
import { PROCEDURE_LABELS, stageColor } from './caseLabels';
import { DeadlineTag } from './DeadlineTag';

/**
 * The list's columns. The summary the server lists carries neither the parties nor the item's name,
 * so the row shows the 案由 and the item code (the keyword search does match party names).
 */
export function caseColumns(compact: boolean, today: string): TableColumnsType<CaseSummary> {
  return [
    {
      title: '案件编号',
      dataIndex: 'caseNo',
      width: 110,
      fixed: compact ? undefined : 'left',
      render: (caseNo: string) => <Typography.Link>{caseNo}</Typography.Link>,
    },
    {
      title: '案由',
      dataIndex: 'title',
      width: compact ? 180 : 240,
      ellipsis: true,
      render: (title: string, c) => (
        <>
          {title}
          {c.reviewRequired && (
            <Tag color="red" style={{ marginInlineStart: 8 }}>
              须法制审核
            </Tag>
          )}
        </>
      ),
    },
    {
      title: '阶段',
      dataIndex: 'stage',
      width: 150,
      render: (stage: string, c) => <Tag color={stageColor(stage)}>{c.stageLabel}</Tag>,
    },
    {
      title: '最近期限',
      dataIndex: 'nextDeadline',
      width: 190,
      render: (due: string | null) => <DeadlineTag due={due} today={today} />,
    },
    { title: '事项', dataIndex: 'itemCode', width: 110 },
    { title: '收案日期', dataIndex: 'receivedOn', width: 110 },
    { title: '程序', dataIndex: 'procedure', width: 90, render: (p: string) => PROCEDURE_LABELS[p] ?? p },
    { title: '来源', dataIndex: 'source', width: 90 },
  ];
}
