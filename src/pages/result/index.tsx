import { TourSpot } from '@/features/tour/TourSpot';
import { Text, View } from '@tarojs/components';
import { chineseDate, periodText } from '@domain/dates';
import { useBindFormStore } from '@/features/binding/formStore';
import { useProfileStore } from '@/features/profile/store';
import { ROUTES } from '@/shared/config/routes';
import { backTo, replaceWith } from '@/shared/lib/nav';
import { BigButton } from '@/shared/ui/BigButton';
import { Card } from '@/shared/ui/Card';
import { InfoRow } from '@/shared/ui/InfoRow';
import { Msg } from '@/shared/ui/Msg';
import { Screen } from '@/shared/ui/Screen';
import { StatusTag } from '@/shared/ui/StatusTag';
import '@/shared/ui/flow.scss';

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
      <Msg
        title='绑定成功'
        desc={
          result.status === '未生效'
            ? `${result.relativeName}将于${chineseDate(result.startDate)}起可以使用您的个人账户`
            : `${result.relativeName}现在可以使用您的个人账户`
        }
        actions={
          <>
            <BigButton onClick={() => backTo(ROUTES.family)}>完成</BigButton>
            <BigButton
              kind='secondary'
              onClick={() => {
                useBindFormStore.getState().startNew(today);
                replaceWith(ROUTES.bind);
              }}
            >
              继续添加
            </BigButton>
            <TourSpot spot='result'>
              <BigButton kind='link' onClick={() => replaceWith(ROUTES.records)}>
                {profile.menu.records}
              </BigButton>
            </TourSpot>
          </>
        }
      >
        <Card title='绑定信息'>
          <InfoRow label='使用人' value={result.relativeName} />
          <InfoRow label='证件号码' value={result.relativeIdNumber} />
          <InfoRow label='与本人关系' value={result.relation} />
          <InfoRow label='授权期限' value={periodText(result)} />
          <View className='info-row'>
            <Text className='info-row__label'>状态</Text>
            <StatusTag status={result.status} />
          </View>
        </Card>
      </Msg>
    </Screen>
  );
}
