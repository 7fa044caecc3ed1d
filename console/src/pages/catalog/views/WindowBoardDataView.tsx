import { Table, Typography } from 'antd';
import type { BoardMaterial, BoardStaff, WindowBoardData } from '../../../api/catalog';
import { DataTable, NumberedList, orDash, Prose, TagList } from './viewBits';

function StaffTable({ staff }: { staff: readonly BoardStaff[] }) {
  return (
    <Table<BoardStaff>
      size="small"
      pagination={false}
      rowKey={(s) => `${s.name}|${s.post}|${s.certificateNo}`}
      dataSource={[...staff]}
      columns={[
        { title: '姓名', dataIndex: 'name' },
        { title: '岗位', dataIndex: 'post' },
        { title: '执法证件号码', dataIndex: 'certificateNo', render: (no: string) => orDash(no) },
      ]}
    />
  );
}

function Materials({ materials }: { materials: readonly BoardMaterial[] }) {
  if (materials.length === 0) return <>—</>;
  return (
    <>
      {materials.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in its stored order.
        <div key={i} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{`${i + 1}. ${m.name}`}</Typography.Text>
          {m.sample && (
            <Typography.Paragraph
              type="secondary"
              style={{ margin: 0, whiteSpace: 'pre-wrap' }}
              ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}
            >
              {`示范文本:${m.sample}`}
            </Typography.Paragraph>
          )}
        </div>
      ))}
    </>
  );
}

/** 岗位职责公示牌 as it hangs at the window. */
export function WindowBoardDataView({ data, unitName }: { data: WindowBoardData; unitName: string }) {
  return (
    <DataTable
      rows={[
        ['窗口', `${data.name}(${data.windowNo})`],
        ['所属单位', unitName],
        ['窗口位置', orDash(data.location)],
        ['办公时间', orDash(data.hours)],
        ['工作人员', <StaffTable key="staff" staff={data.staff} />],
        ['岗位职责', <NumberedList key="duties" items={data.duties} />],
        ['办理事项', <TagList key="items" values={data.itemCodes} />],
        ['申请材料', <Materials key="materials" materials={data.materials} />],
        ['进度查询', <Prose key="query" text={data.progressQuery} />],
        ['投诉渠道', <Prose key="complaint" text={data.complaint} />],
      ]}
    />
  );
}
