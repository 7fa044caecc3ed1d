import { Button, Flex } from 'antd';
import { useState } from 'react';
import { blockPublication, type PublicationView, withdrawPublication } from '../../api/publications';
import { ReasonModal } from '../../components/ReasonModal';
import { useCan } from '../../session/SessionContext';

type Step = 'block' | 'withdraw';

/**
 * 不予公开 (a draft kept from the public: secrets, privacy, a minor the ID did not reveal) and 撤回 (a
 * published decision revoked, changed or found unlawful): each needs a written reason, which the
 * portal shows in place of a withdrawn decision. 公开 and 更正 are in the redaction tab.
 */
export function PublicationActions({
  view,
  onUpdated,
}: {
  view: PublicationView;
  onUpdated: (next: PublicationView, what: string) => void;
}) {
  const can = useCan();
  const [open, setOpen] = useState<Step | null>(null);
  const canBlock = view.state === 'draft' && can('publication.block');
  const canWithdraw = view.state === 'published' && can('publication.withdraw');
  if (!canBlock && !canWithdraw) return null;

  const done = (next: PublicationView, what: string) => {
    setOpen(null);
    onUpdated(next, what);
  };

  return (
    <Flex wrap gap={8} style={{ marginTop: 12 }}>
      {canBlock && (
        <Button danger onClick={() => setOpen('block')} data-testid="publication-block">
          不予公开
        </Button>
      )}
      {canWithdraw && (
        <Button danger onClick={() => setOpen('withdraw')} data-testid="publication-withdraw">
          撤回公开
        </Button>
      )}
      <ReasonModal
        open={open === 'block'}
        danger
        title="不予公开"
        label="不予公开的理由"
        hint="涉及国家秘密、商业秘密、个人隐私或未成年人等依法不予公开的,写明理由;理由记入办理记录。"
        okText="确认不予公开"
        onCancel={() => setOpen(null)}
        onSubmit={async (reason) => done(await blockPublication(view.id, reason), '已决定不予公开')}
        testId="publication-block"
      />
      <ReasonModal
        open={open === 'withdraw'}
        danger
        title="撤回公开"
        label="撤回理由"
        hint="撤回后公开页面不再显示决定内容,只显示撤回说明和撤回理由(如:该决定已被复议机关撤销)。"
        okText="确认撤回"
        onCancel={() => setOpen(null)}
        onSubmit={async (reason) => done(await withdrawPublication(view.id, reason), '已撤回公开')}
        testId="publication-withdraw"
      />
    </Flex>
  );
}
