import { Card, Descriptions, Space, Tag } from 'antd';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { formatTime } from '../format';
import { useMe, useSession } from '../session/SessionContext';

export function ProfilePage() {
  const me = useMe();
  const { reload } = useSession();

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="我的账号">
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          size="small"
          items={[
            { key: 'username', label: '用户名', children: me.user.username },
            { key: 'displayName', label: '姓名', children: me.user.displayName },
            { key: 'unit', label: '所属机构', children: me.unit.name },
            {
              key: 'roles',
              label: '角色',
              children: me.roles.map((r) => (
                <Tag key={r.code} color="blue">
                  {r.label}
                </Tag>
              )),
            },
            { key: 'previousLogin', label: '上次登录', children: formatTime(me.previousLoginAt, '这是您的首次登录') },
            { key: 'createdAt', label: '账号创建时间', children: formatTime(me.user.createdAt) },
          ]}
        />
      </Card>
      <Card title="修改密码">
        <ChangePasswordForm username={me.user.username} onChanged={reload} />
      </Card>
    </Space>
  );
}
