import { TourSpot } from '@/features/tour/TourSpot';
import { useBindSpot } from '@/features/tour/spots';
import { RulesUpFront } from '@/features/profile/components/RulesUpFront';
import { usePageTitle } from '@/features/profile/usePageTitle';
import { fillExample } from '@/features/tour/example';
import { track } from '@/shared/telemetry/track';
import { useEffect, useState } from 'react';
import { useSignedIn } from '@/features/auth/guard';
import { useAuthStore } from '@/features/auth/store';
import { BindBlockers, loadBlockers } from '@/features/binding/components/BindBlockers';
import { BindForm } from '@/features/binding/components/BindForm';
import { useBindFormStore, useVisibleErrors, visibleErrors } from '@/features/binding/formStore';
import { commitAll } from '@/features/binding/mistakes';
import { useProfileStore } from '@/features/profile/store';
import { ROUTES } from '@/shared/config/routes';
import { goTo } from '@/shared/lib/nav';
import { scrollToFirst } from '@/shared/lib/scrollToFirst';
import { BigButton } from '@/shared/ui/BigButton';
import { Card } from '@/shared/ui/Card';
import { InfoRow } from '@/shared/ui/InfoRow';
import { Notice } from '@/shared/ui/Notice';
import { Screen } from '@/shared/ui/Screen';
import '@/shared/ui/flow.scss';
import { isRelative } from '@/features/auth/role';
import { AuthorizerOnly } from '@/features/usage/components/AuthorizerOnly';

export default function Bind() {
  useSignedIn(ROUTES.bind, loadBlockers);
  const me = useAuthStore((s) => s.me);
  const profile = useProfileStore((s) => s.profile);
  const today = useProfileStore((s) => s.today);
  const spot = useBindSpot();
  usePageTitle('bind');
  const notice = useBindFormStore((s) => s.notice);
  const startDate = useBindFormStore((s) => s.values.startDate);
  const [attempted, setAttempted] = useState(false);
  const errorCount = Object.keys(useVisibleErrors({ today, profile })).length;

  useEffect(() => useBindFormStore.getState().startOnToday(today), [startDate, today]);

  const next = () => {
    track({ type: 'next', screen: 'bind' });
    useBindFormStore.getState().touchAll();
    commitAll({ today, profile });
    setAttempted(true);
    if (Object.keys(visibleErrors(useBindFormStore.getState(), { today, profile })).length === 0) goTo(ROUTES.consent);
    // The summary sits by the button; the first field to fix may be a screen higher.
    else scrollToFirst('.field--error');
  };

  if (isRelative(me))
    return (
      <Screen>
        <AuthorizerOnly />
      </Screen>
    );

  return (
    <Screen>
      <BindBlockers />
      <RulesUpFront />
      <Card title='授权人（本人）'>
        <InfoRow label='姓名' value={me?.name ?? '—'} />
        <InfoRow label='证件号码' value={me?.idNumber ?? '—'} />
        <InfoRow label='手机号码' value={me?.phone ?? '—'} />
      </Card>
      <TourSpot spot={spot === 'bind' ? 'bind' : undefined} onlyInTour>
        <BigButton kind='secondary' onClick={() => fillExample(today, profile)}>
          填入示例
        </BigButton>
      </TourSpot>
      <Card title='添加共济使用人'>
        <BindForm profile={profile} today={today} />
      </Card>
      {notice ? <Notice kind='error' message={notice.message} /> : null}
      {attempted && errorCount > 0 ? (
        <Notice kind='error' message={`还有 ${errorCount} 处需要修改，请看标红的提示`} />
      ) : null}
      <TourSpot spot={spot === 'bind-next' ? 'bind-next' : undefined}>
        <BigButton onClick={next}>下一步：阅读授权协议</BigButton>
      </TourSpot>
    </Screen>
  );
}
