import { bindingBlockers } from '@domain/eligibility';
import { useAuthStore } from '@/features/auth';
import { useProfileStore } from '@/features/profile';
import { Notice } from '@/shared/ui/Notice';
import { useRecordsStore } from '../recordsStore';

/** Loads what BindBlockers needs: the authorizer's records (the balance comes with the account). */
export const loadBlockers = () =>
  useRecordsStore
    .getState()
    .load()
    .catch(() => undefined);

/**
 * A low balance or a full member list, said before the user fills in a whole form and agrees, in the
 * same words the platform's refusal would use. Shown on 家庭共济 and atop 共济账户绑定.
 */
export function BindBlockers() {
  const me = useAuthStore((s) => s.me);
  const profile = useProfileStore((s) => s.profile);
  const list = useRecordsStore((s) => s.list);
  const loaded = useRecordsStore((s) => s.loaded);
  if (!me) return null;
  const active = loaded ? list.filter((r) => r.canUnbind).length : 0;
  const messages = bindingBlockers(profile, me.balanceFen, active);
  return (
    <>
      {messages.map((m) => (
        <Notice key={m} kind='warning' message={m} />
      ))}
    </>
  );
}
