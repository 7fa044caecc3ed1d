import { Tag } from 'antd';
import type { Me } from '../api/types';
import { formatTime } from '../format';

/** The signed-in person's account facts, shown on 工作台 and 我的账号 (each page picks and orders them). */
export function accountItems(me: Me) {
  return {
    username: { key: 'username', label: '用户名', children: me.user.username },
    displayName: { key: 'displayName', label: '姓名', children: me.user.displayName },
    unit: { key: 'unit', label: '所属机构', children: me.unit.name },
    roles: {
      key: 'roles',
      label: '角色',
      children: me.roles.map((r) => (
        <Tag key={r.code} color="blue">
          {r.label}
        </Tag>
      )),
    },
    previousLogin: { key: 'previousLogin', label: '上次登录', children: formatTime(me.previousLoginAt, '这是您的首次登录') },
    createdAt: { key: 'createdAt', label: '账号创建时间', children: formatTime(me.user.createdAt) },
  };
}
