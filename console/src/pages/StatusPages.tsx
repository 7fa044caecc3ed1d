import { Button, Result } from 'antd';
import { navigate, routes } from '../router';

function BackToDashboard() {
  return (
    <Button
      type="primary"
      href={routes.dashboard}
      onClick={(e) => {
        // Keep the single-page app alive instead of reloading it from the server.
        e.preventDefault();
        navigate(routes.dashboard);
      }}
    >
      返回工作台
    </Button>
  );
}

export function NotFoundPage() {
  return <Result status="404" title="页面不存在" subTitle="您访问的页面不存在或已被移除。" extra={<BackToDashboard />} />;
}

export function ForbiddenPage() {
  return (
    <Result status="403" title="无权访问" subTitle="您的账号没有访问此页面的权限,如有需要请联系系统管理员。" extra={<BackToDashboard />} />
  );
}
