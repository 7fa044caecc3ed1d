import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Radio, Row } from 'antd';
import { ListRowCard } from '../catalog/forms/ListRowCard';
import { PARTY_KIND_LABELS } from './caseLabels';
import { idChecksumHint, idLabel } from './partyIds';

const KIND_OPTIONS = Object.entries(PARTY_KIND_LABELS).map(([value, label]) => ({ value, label }));

export const emptyParty = () => ({ kind: 'organization', name: '', idNo: '', address: '', legalRepresentative: '', phone: '' });

/** One party: the fields follow its kind (an organisation has a USCC and a legal representative). */
function PartyFields({ name }: { name: number }) {
  const kind = Form.useWatch<string | undefined>(['parties', name, 'kind']);
  const organization = kind === 'organization';
  return (
    <Row gutter={12}>
      <Col xs={24}>
        <Form.Item name={[name, 'kind']} style={{ marginBottom: 12 }}>
          <Radio.Group options={KIND_OPTIONS} optionType="button" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          label={organization ? '名称' : '姓名'}
          name={[name, 'name']}
          rules={[{ required: true, whitespace: true, message: organization ? '请填写单位名称' : '请填写姓名' }]}
        >
          <Input maxLength={200} autoComplete="off" data-testid={`case-party-name-${name}`} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          label={idLabel(kind)}
          name={[name, 'idNo']}
          dependencies={[['parties', name, 'kind']]}
          rules={[{ required: true, whitespace: true, message: `请填写${idLabel(kind)}` }, idChecksumHint(kind)]}
        >
          <Input maxLength={32} autoComplete="off" data-testid={`case-party-id-${name}`} />
        </Form.Item>
      </Col>
      {organization && (
        <Col xs={24} sm={12}>
          <Form.Item
            label="法定代表人或负责人"
            name={[name, 'legalRepresentative']}
            rules={[{ required: true, whitespace: true, message: '单位须填写法定代表人或负责人' }]}
          >
            <Input maxLength={64} autoComplete="off" data-testid={`case-party-rep-${name}`} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} sm={12}>
        <Form.Item label="联系电话" name={[name, 'phone']}>
          <Input maxLength={32} autoComplete="off" inputMode="tel" data-testid={`case-party-phone-${name}`} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item label={organization ? '住所或经营场所' : '住址'} name={[name, 'address']}>
          <Input maxLength={300} autoComplete="off" data-testid={`case-party-address-${name}`} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** 当事人: one or more natural persons or organisations. */
export function PartiesField() {
  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => (
        <div data-testid="case-parties">
          {fields.map((field, index) => (
            <ListRowCard
              key={field.key}
              title={`当事人 ${index + 1}`}
              index={index}
              count={fields.length}
              onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
            >
              <PartyFields name={field.name} />
            </ListRowCard>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(emptyParty())} style={{ marginBottom: 16 }}>
            添加当事人
          </Button>
        </div>
      )}
    </Form.List>
  );
}
