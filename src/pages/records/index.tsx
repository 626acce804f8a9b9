import { TourSpot } from '@/features/tour/TourSpot';
import { usePageTitle } from '@/features/profile/usePageTitle';
import { track } from '@/shared/telemetry/track';
import { useState } from 'react';
import { Text } from '@tarojs/components';
import { redirectIfSignedOut, useSignedIn } from '@/features/auth/guard';
import { RecordCard } from '@/features/binding/components/RecordCard';
import { useRecordsStore } from '@/features/binding/recordsStore';
import type { BindingView } from '@domain/views';
import { ROUTES } from '@/shared/config/routes';
import { goTo } from '@/shared/lib/nav';
import { BigButton } from '@/shared/ui/BigButton';
import { Card } from '@/shared/ui/Card';
import { Notice } from '@/shared/ui/Notice';
import { confirmAction } from '@/shared/ui/confirm';
import { Screen } from '@/shared/ui/Screen';
import '@/shared/ui/flow.scss';
import { isRelative } from '@/features/auth/role';
import { AuthorizerOnly } from '@/features/usage/components/AuthorizerOnly';
import { useAuthStore } from '@/features/auth/store';

/**
 * The tour's step before the last: on to 共济使用明细, where the money a relative used shows. Kept here,
 * in the flow subpackage, not beside the tour's other parts in the main package.
 */
function TourToUsage() {
  return (
    <TourSpot spot='records' onlyInTour>
      <BigButton onClick={() => void goTo(ROUTES.usage)}>下一步：查看共济使用明细</BigButton>
    </TourSpot>
  );
}

export default function Records() {
  const list = useRecordsStore((s) => s.list);
  const loading = useRecordsStore((s) => s.loading);
  const loaded = useRecordsStore((s) => s.loaded);
  const error = useRecordsStore((s) => s.error);
  const unbindingId = useRecordsStore((s) => s.unbindingId);
  usePageTitle('records');
  const me = useAuthStore((s) => s.me);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const load = () =>
    useRecordsStore
      .getState()
      .load()
      .catch((e) => redirectIfSignedOut(e, ROUTES.records));
  useSignedIn(ROUTES.records, load);

  const unbind = async (r: BindingView) => {
    const sure = await confirmAction(
      '解除绑定',
      `解除后，${r.relativeName}将不能再使用您的个人账户。确定解除吗？`,
      '确定解除',
      '暂不解除',
    );
    if (!sure) return;
    track({ type: 'submit', action: 'unbind' });
    const res = await useRecordsStore.getState().unbind(r.id);
    setMessage({ ok: res.ok, text: res.ok ? `已解除与${r.relativeName}的绑定` : res.message });
  };

  if (isRelative(me))
    return (
      <Screen>
        <AuthorizerOnly />
      </Screen>
    );

  return (
    <Screen>
      {message ? <Notice kind={message.ok ? 'success' : 'error'} message={message.text} /> : null}
      {error ? (
        <>
          <Notice kind='error' message={error} />
          <BigButton kind='secondary' onClick={load}>
            重新加载
          </BigButton>
        </>
      ) : null}
      {loading && !loaded ? <Text className='muted'>正在加载…</Text> : null}
      {loaded && list.length === 0 ? (
        <Card title='还没有授权记录'>
          <Text className='lead'>添加共济使用人后，记录会显示在这里。</Text>
          <BigButton onClick={() => goTo(ROUTES.bind)}>去绑定</BigButton>
        </Card>
      ) : null}
      {list.length ? <TourToUsage /> : null}
      {list.map((r) => (
        <RecordCard key={r.id} record={r} busy={unbindingId === r.id} onUnbind={unbind} />
      ))}
    </Screen>
  );
}
