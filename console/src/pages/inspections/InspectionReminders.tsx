import { Alert, Button } from 'antd';
import { useCallback } from 'react';
import { listTasks } from '../../api/inspections';
import { useAsync } from '../../hooks/useAsync';
import { navigate, routes } from '../../router';

/**
 * The 双随机 reminder on the workbench: results past their 20-working-day publication deadline in the
 * person's unit scope, and the person's own tasks not yet inspected. Nothing is shown when there are none.
 */
export function InspectionReminders() {
  const load = useCallback(
    () =>
      Promise.all([
        listTasks({ overdue: true, page: 1, pageSize: 1 }),
        listTasks({ mine: true, state: 'assigned', page: 1, pageSize: 1 }),
      ]).then(([overdue, mine]) => ({ overdue: overdue.total, mine: mine.total })),
    [],
  );
  const counts = useAsync(load);
  const overdue = counts.data?.overdue ?? 0;
  const mine = counts.data?.mine ?? 0;
  if (overdue === 0 && mine === 0) return null;
  const parts = [overdue > 0 ? `${overdue} 项检查结果已逾期未公示` : '', mine > 0 ? `本人有 ${mine} 项检查任务待检查` : ''].filter(Boolean);
  return (
    <Alert
      type={overdue > 0 ? 'error' : 'info'}
      showIcon
      data-testid="inspection-reminders"
      title={
        <span>
          双随机抽查:{parts.join(',')}。
          <Button type="link" size="small" onClick={() => navigate(routes.inspectionTasks)}>
            去处理
          </Button>
        </span>
      }
    />
  );
}
