import { TourSpot } from '@/features/tour/TourSpot';
import { Text, View } from '@tarojs/components';
import { useBindFormStore } from '@/features/binding/formStore';
import { useProfileStore } from '@/features/profile/store';
import { ROUTES } from '@/shared/config/routes';
import { backTo, replaceWith } from '@/shared/lib/nav';
import { BigButton } from '@/shared/ui/BigButton';
import { Card } from '@/shared/ui/Card';
import { InfoRow } from '@/shared/ui/InfoRow';
import { Screen } from '@/shared/ui/Screen';
import { StatusTag } from '@/shared/ui/StatusTag';

export default function Result() {
  const result = useBindFormStore((s) => s.result);
  const profile = useProfileStore((s) => s.profile);
  const today = useProfileStore((s) => s.today);

  if (!result) {
    return (
      <Screen>
        <Card title='没有办理结果'>
          <Text className='lead'>可以在授权记录中查看已办理的绑定。</Text>
        </Card>
        <BigButton onClick={() => replaceWith(ROUTES.records)}>查看授权记录</BigButton>
      </Screen>
    );
  }

  return (
    <Screen>
      <View className='result' role='status'>
        <Text className='result__icon' aria-hidden>
          ✓
        </Text>
        <Text className='result__title'>绑定成功</Text>
        <Text className='result__sub'>
          {result.status === '未生效'
            ? `将于 ${result.startDate} 起生效`
            : `${result.relativeName} 现在可以使用您的个人账户`}
        </Text>
      </View>
      <Card title='绑定信息'>
        <InfoRow label='使用人' value={result.relativeName} />
        <InfoRow label='证件号码' value={result.relativeIdNumber} />
        <InfoRow label='与本人关系' value={result.relation} />
        <InfoRow
          label='授权期限'
          value={`${result.startDate} 起，${result.endDate ? `${result.endDate} 止` : '长期有效'}`}
        />
        <View className='info-row'>
          <Text className='info-row__label'>状态</Text>
          <StatusTag status={result.status} />
        </View>
      </Card>
      <BigButton
        onClick={() => {
          useBindFormStore.getState().startNew(today);
          replaceWith(ROUTES.bind);
        }}
      >
        继续添加
      </BigButton>
      <TourSpot spot='result'>
        <BigButton kind='secondary' onClick={() => replaceWith(ROUTES.records)}>
          {profile.menu.records}
        </BigButton>
      </TourSpot>
      <BigButton kind='secondary' onClick={() => backTo(ROUTES.family)}>
        返回{profile.menu.hub}
      </BigButton>
    </Screen>
  );
}
