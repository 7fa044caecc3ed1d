import { Alert, Button } from 'antd';
import { useCallback } from 'react';
import { listPublications } from '../../api/publications';
import { beijingToday } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { navigate, routes } from '../../router';
import { DUE_SOON_DAYS } from '../cases/caseDates';

/**
 * The 事后公开 reminder on the workbench: decisions whose 公开期限 has passed or falls within the next
 * days, in the signed-in person's unit scope. Nothing is shown when none is near.
 */
export function PublicationReminders() {
  const load = useCallback(() => listPublications({ dueWithinDays: DUE_SOON_DAYS, page: 1, pageSize: 100 }), []);
  const due = useAsync(load);
  const items = due.data?.items ?? [];
  if (items.length === 0) return null;
  const today = beijingToday();
  const overdue = items.filter((p) => p.dueOn !== null && p.dueOn < today).length;
  const soon = (due.data?.total ?? items.length) - overdue;
  const parts = [overdue > 0 ? `${overdue} 件已逾期未公开` : '', soon > 0 ? `${soon} 件将在 ${DUE_SOON_DAYS} 日内到期` : ''].filter(
    Boolean,
  );
  return (
    <Alert
      type={overdue > 0 ? 'error' : 'warning'}
      showIcon
      data-testid="publication-reminders"
      title={
        <span>
          事后公开:{parts.join(',')}。
          <Button type="link" size="small" onClick={() => navigate(routes.publications)}>
            去处理
          </Button>
        </span>
      }
    />
  );
}
