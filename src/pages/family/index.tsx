import { TourSpot } from '@/features/tour/TourSpot';
import { MenuPath } from '@/features/profile/components/MenuPath';
import { usePageTitle } from '@/features/profile/usePageTitle';
import { Text, View } from '@tarojs/components';
import { tap } from '@/shared/ui/tap';
import Taro from '@tarojs/taro';
import { useSignedIn } from '@/features/auth/guard';
import { isRelative } from '@/features/auth/role';
import { useAuthStore } from '@/features/auth/store';
import { BindBlockers, loadBlockers } from '@/features/binding/components/BindBlockers';
import { useProfileStore } from '@/features/profile/store';
import { ROUTES, type Route } from '@/shared/config/routes';
import { goTo, replaceWith } from '@/shared/lib/nav';
import { Card } from '@/shared/ui/Card';
import { InfoRow } from '@/shared/ui/InfoRow';
import { Screen } from '@/shared/ui/Screen';

function Entry({ name, desc, to, query }: { name: string; desc: string; to: Route; query?: Record<string, string> }) {
  return (
    <View className='menu-row' role='button' {...tap(() => goTo(to, query))}>
      <Text className='menu-row__name'>{name}</Text>
      <Text className='menu-row__desc'>{desc}</Text>
      <Text className='menu-row__arrow' aria-hidden>
        ›
      </Text>
    </View>
  );
}

export default function FamilyHub() {
  useSignedIn(ROUTES.family, loadBlockers);
  const me = useAuthStore((s) => s.me);
  const profile = useProfileStore((s) => s.profile);
  usePageTitle('hub');
  const relative = isRelative(me);

  const logout = async () => {
    await useAuthStore
      .getState()
      .logout()
      .catch(() => undefined);
    replaceWith(ROUTES.hall);
  };

  return (
    <Screen>
      {/* The way to 共济账户绑定 in the province's app: the authorizer's way, not a relative's. */}
      {relative ? null : <MenuPath />}
      <Card title='账户信息'>
        <InfoRow label={relative ? '姓名' : '授权人'} value={me?.name ?? '—'} />
        <InfoRow label='证件号码' value={me?.idNumber ?? '—'} />
        <InfoRow label='参保类型' value={me ? `${me.insuranceType}（${me.regionName}）` : '—'} />
        {relative ? null : (
          <View className='balance'>
            <Text className='balance__label'>个人账户余额（元）</Text>
            <Text className='balance__value'>{me?.balanceYuan ?? '—'}</Text>
          </View>
        )}
      </Card>

      {relative ? (
        // A relative uses someone else's account: 绑定, 代缴 and 解绑 are the authorizer's to do.
        <Card title={profile.menu.hub}>
          <Entry name='授权我的' desc='谁授权了您，您用了多少' to={ROUTES.granted} />
          <Text className='muted'>添加亲属、解除授权、代缴医保费，只能由授权人本人办理。</Text>
        </Card>
      ) : (
        <>
          <BindBlockers />
          <Card title={profile.menu.hub}>
            <TourSpot spot='family'>
              <Entry name={profile.menu.bind} desc='添加共济使用人' to={ROUTES.bind} />
            </TourSpot>
            <Entry name={profile.menu.records} desc='查看授权记录，解除绑定' to={ROUTES.records} />
            <Entry name={profile.menu.pay} desc='用个人账户为亲属缴纳居民医保费' to={ROUTES.pay} />
            <Entry name='共济使用明细' desc='亲属用了多少钱，每一笔的明细' to={ROUTES.usage} />
          </Card>
        </>
      )}

      <Card title='服务指南'>
        <Entry name='使用范围' desc='共济的钱能用在哪里' to={ROUTES.info} />
        <Entry name='常见问题' desc='谁能绑定、怎么解绑' to={ROUTES.info} query={{ topic: 'faq' }} />
        <View
          className='menu-row'
          role='button'
          {...tap(() => Taro.makePhoneCall({ phoneNumber: profile.hotline }).catch(() => undefined))}
        >
          <Text className='menu-row__name'>医保服务热线 {profile.hotline}</Text>
          <Text className='menu-row__desc'>工作日 8:30–17:00</Text>
        </View>
      </Card>

      <View className='link-button link-button--quiet' role='button' {...tap(logout)}>
        <Text>退出登录</Text>
      </View>
    </Screen>
  );
}
