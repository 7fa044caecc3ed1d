import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row } from 'antd';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { ItemCodeSelect } from './ItemCodeSelect';
import { ListRowCard } from './ListRowCard';
import { atLeastOne, requiredText, requiredValue } from './rules';
import { StringListField } from './StringListField';

/** 窗口工作人员: name, post and (when held) the 执法证件号码 the board links to. */
function StaffField() {
  return (
    <Form.Item label="窗口工作人员" required>
      <Form.List name="staff" rules={[atLeastOne('请填写至少一位窗口工作人员')]}>
        {(fields, { add, remove, move }, { errors }) => (
          <div data-testid="catalog-staff">
            {fields.map((field, index) => (
              <ListRowCard
                key={field.key}
                title={`工作人员 ${index + 1}`}
                index={index}
                count={fields.length}
                onMove={move}
                onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
              >
                <Row gutter={12}>
                  <Col xs={24} sm={8}>
                    <Form.Item label="姓名" name={[field.name, 'name']} rules={requiredText('请输入姓名')} style={{ marginBottom: 0 }}>
                      <Input maxLength={64} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={8}>
                    <Form.Item label="岗位" name={[field.name, 'post']} rules={requiredText('请输入岗位')} style={{ marginBottom: 0 }}>
                      <Input maxLength={64} placeholder="如:受理岗" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={8}>
                    <Form.Item label="执法证件号码" name={[field.name, 'certificateNo']} style={{ marginBottom: 0 }}>
                      <Input maxLength={32} placeholder="无证件可不填" />
                    </Form.Item>
                  </Col>
                </Row>
              </ListRowCard>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', post: '', certificateNo: '' })}>
              添加工作人员
            </Button>
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** 申请材料 with a 示范文本 each (how a filled-in copy reads). */
function MaterialsField() {
  return (
    <Form.Item label="申请材料及示范文本">
      <Form.List name="materials">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((field, index) => (
              <ListRowCard
                key={field.key}
                title={`材料 ${index + 1}`}
                index={index}
                count={fields.length}
                onMove={move}
                onRemove={() => remove(field.name)}
              >
                <Form.Item label="材料名称" name={[field.name, 'name']} rules={requiredText('请输入材料名称')}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item label="示范文本" name={[field.name, 'sample']} style={{ marginBottom: 0 }}>
                  <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 8 }} />
                </Form.Item>
              </ListRowCard>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', sample: '' })}>
              添加材料
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** 岗位职责公示牌 of one service window (printed on A4 and hung at the window). */
export function WindowBoardFormFields() {
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={16}>
          <Form.Item label="窗口名称" name="name" rules={requiredText('请输入窗口名称')}>
            <Input maxLength={100} data-testid="catalog-field-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item label="窗口编号" name="windowNo" rules={requiredText('请输入窗口编号')}>
            <Input maxLength={20} placeholder="如:3 号窗口" data-testid="catalog-field-window-no" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="所属单位" name="unitId" rules={requiredValue('请选择所属单位')}>
        <UnitTreeSelect data-testid="catalog-field-unit" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="窗口位置" name="location">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="办公时间" name="hours">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <StaffField />
      <StringListField name="duties" label="岗位职责" itemLabel="职责" maxLength={500} required multiline testId="catalog-duties" />
      <Form.Item label="窗口办理的执法事项" name="itemCodes">
        <ItemCodeSelect mode="multiple" data-testid="catalog-field-item-codes" />
      </Form.Item>
      <MaterialsField />
      <Form.Item label="办理进度查询渠道" name="progressQuery" rules={requiredText('请输入办理进度查询渠道')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Form.Item label="投诉渠道" name="complaint" rules={requiredText('请输入投诉渠道')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </>
  );
}
