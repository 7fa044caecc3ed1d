import { Steps } from 'antd';
import type { ItemData } from '../../../api/catalog';
import { DataTable, LegalBasesView, NumberedList, orDash, Prose } from './viewBits';

/** 执法事项 as its 服务指南 reads. */
export function ItemDataView({ data, unitName }: { data: ItemData; unitName: string }) {
  return (
    <DataTable
      rows={[
        ['事项名称', data.name],
        ['事项类别', data.category],
        ['实施主体', unitName],
        ['受理机构', orDash(data.acceptingBody)],
        ['决定机构', orDash(data.approvingBody)],
        ['法律依据', <LegalBasesView key="bases" bases={data.legalBases} />],
        ['办理条件/适用情形', <Prose key="conditions" text={data.conditions} />],
        ['申请(所需)材料', <NumberedList key="materials" items={data.materials} />],
        ['法定办理时限', `${data.statutoryLimit.value} 个${data.statutoryLimit.unit}`],
        ['承诺办理时限', `${data.promisedLimit.value} 个${data.promisedLimit.unit}`],
        ['收费标准及依据', orDash(data.fees)],
        [
          '办理流程',
          <Steps
            key="steps"
            orientation="vertical"
            size="small"
            current={-1}
            items={data.steps.map((s) => ({ title: s.name, content: [s.role, s.timeLimit].filter((t) => t !== '').join(' · ') }))}
          />,
        ],
        ['救济途径', <NumberedList key="remedies" items={data.remedies.map((r) => `${r.channel}:${r.period}`)} />],
        ['监督渠道', <Prose key="supervision" text={data.supervision} />],
        ['投诉渠道', <Prose key="complaint" text={data.complaint} />],
      ]}
    />
  );
}
