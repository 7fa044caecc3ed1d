import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import type { NextAction } from '../../api/cases';
import { useCan } from '../../session/SessionContext';
import { EXCEPTIONAL_ACTIONS } from './actionForms';

export interface NextActionsBarProps {
  actions: readonly NextAction[];
  /** 登记缴款 is offered (the decision was served, or enforcement was applied for). */
  paymentOpen: boolean;
  onAction: (action: NextAction) => void;
  onPayment: () => void;
}

/**
 * Only what the server says the procedure allows now. Approvals are marked 审批; a button the signed-in
 * person may not use is shown disabled with the reason, so everyone sees what the case waits for.
 */
export function NextActionsBar({ actions, paymentOpen, onAction, onPayment }: NextActionsBarProps) {
  const can = useCan();
  const next = actions.filter((a) => !EXCEPTIONAL_ACTIONS.includes(a.action));
  const other = actions.filter((a) => EXCEPTIONAL_ACTIONS.includes(a.action));
  const others = other.length > 0 && (
    <Flex wrap gap={8} data-testid="case-other-actions">
      {other.map((a) => (
        <Button
          key={a.action}
          type="link"
          size="small"
          disabled={!can('case.approve')}
          onClick={() => onAction(a)}
          data-testid={`case-action-${a.action}`}
        >
          {a.label}
        </Button>
      ))}
    </Flex>
  );
  if (next.length === 0 && !paymentOpen) {
    return (
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">本案当前没有可办理的环节</Typography.Text>
        {others}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={4}>
      <Flex wrap gap={8} data-testid="case-next-actions">
        {next.map((a) => {
          const allowed = can(a.approval ? 'case.approve' : 'case.handle');
          const button = (
            <Button
              key={a.action}
              type={a.approval ? 'default' : 'primary'}
              disabled={!allowed}
              onClick={() => onAction(a)}
              data-testid={`case-action-${a.action}`}
            >
              {a.label}
              {a.approval && (
                <Tag color="gold" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
                  审批
                </Tag>
              )}
            </Button>
          );
          if (allowed) return button;
          return (
            <Tooltip key={a.action} title={a.approval ? '须由承办机构负责人或局领导审批' : '只有本机构的执法人员可以办理'}>
              <span>{button}</span>
            </Tooltip>
          );
        })}
        {paymentOpen && can('case.handle') && (
          <Button onClick={onPayment} data-testid="case-payment">
            登记缴款
          </Button>
        )}
      </Flex>
      {others}
    </Flex>
  );
}
