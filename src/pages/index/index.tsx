import { Text, View } from '@tarojs/components';
import { tap } from '@/shared/ui/tap';
import { useAuthStore } from '@/features/auth/store';
import { useProfileStore } from '@/features/profile/store';
import { SessionBanner } from '@/features/research/components/SessionBanner';
import { openPendingSession, useResearchStatusStore } from '@/features/research/status';
import { DemoControls } from '@/features/tour/DemoControls';
import { TourFrame, TourTip } from '@/features/tour/TourSpot';
import { usePageTitle } from '@/features/profile/usePageTitle';
import { ROUTES } from '@/shared/config/routes';
import { goTo } from '@/shared/lib/nav';
import { Card } from '@/shared/ui/Card';
import { CareSwitch } from '@/shared/ui/CareSwitch';
import { Notice } from '@/shared/ui/Notice';
import { Screen } from '@/shared/ui/Screen';
import { useEffect } from 'react';
import { FAMILY_SERVICE, NOT_OPEN, OTHER_HOT, OTHER_TODO } from './services';
import { takeShellTap } from './shellTap';

export default function ServiceHall() {
  const me = useAuthStore((s) => s.me);
  const token = useAuthStore((s) => s.token);
  const profile = useProfileStore((s) => s.profile);
  const problem = useProfileStore((s) => s.problem);
  usePageTitle('hall');

  const openFamily = () => (token ? goTo(ROUTES.family) : goTo(ROUTES.login, { redirect: ROUTES.family }));
  const openLogin = () => goTo(ROUTES.login, { redirect: ROUTES.hall });

  // Mini-programs opened for a research session: its page (staff subpackage) opens it first.
  const pendingSession = useResearchStatusStore((s) => s.pending);
  useEffect(() => {
    if (pendingSession) openPendingSession();
  }, [pendingSession]);

  // A tap made on the static hall while the app was still loading.
  useEffect(() => {
    const tapped = takeShellTap();
    if (tapped === 'family') void openFamily();
    else if (tapped === 'login' && !token) void openLogin();
    // Once, on the first show: the tap is taken from the static hall and cannot come again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Screen className='hall'>
      <View className='hall__banner'>
        {/* The title bar already says 服务大厅: the banner names the service instead. */}
        <Text className='hall__title'>{profile.appName}</Text>
        <Text className='hall__sub'>{profile.province}医保服务平台</Text>
      </View>

      {problem ? <Notice kind='error' message={problem} /> : null}
      <SessionBanner />

      <CareSwitch />
      <DemoControls />

      <View className='hall__account'>
        {token ? (
          <Text>您好，{me?.name ?? '已登录'}</Text>
        ) : (
          <View className='link-button' role='button' {...tap(openLogin)}>
            <Text>登录医保服务平台</Text>
          </View>
        )}
      </View>

      <TourTip spot='hall' />
      <Card title='热门服务'>
        <View className='grid'>
          <TourFrame spot='hall' className='grid__slot'>
            <View className='grid__item grid__item--main' role='button' {...tap(openFamily)}>
              <Text className='grid__icon' aria-hidden>
                {FAMILY_SERVICE.icon}
              </Text>
              <Text className='grid__name'>{profile.menu.hub}</Text>
            </View>
          </TourFrame>
          {OTHER_HOT.map((name) => (
            <View key={name} className='grid__item grid__item--off' aria-disabled>
              <Text className='grid__icon grid__icon--off' aria-hidden>
                {name.slice(0, 1)}
              </Text>
              <Text className='grid__name'>{name}</Text>
              <Text className='grid__note'>{NOT_OPEN}</Text>
            </View>
          ))}
        </View>
      </Card>

      <Card title='我要办'>
        <View className='menu-row' role='button' {...tap(openFamily)}>
          <Text className='menu-row__name'>{profile.menu.hub}</Text>
          <Text className='menu-row__desc'>{FAMILY_SERVICE.desc}</Text>
          <Text className='menu-row__arrow' aria-hidden>
            ›
          </Text>
        </View>
        {OTHER_TODO.map((name) => (
          <View key={name} className='menu-row menu-row--off' aria-disabled>
            <Text className='menu-row__name'>{name}</Text>
            <Text className='menu-row__desc'>{NOT_OPEN}</Text>
          </View>
        ))}
      </Card>

      <View className='hotline'>
        <Text>医保服务热线 {profile.hotline}</Text>
      </View>
    </Screen>
  );
}
