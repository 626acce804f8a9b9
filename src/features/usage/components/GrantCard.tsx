import { Text, View } from '@tarojs/components';
import { periodText } from '@domain/dates';
import { InfoRow } from '@/shared/ui/InfoRow';
import { StatusTag } from '@/shared/ui/StatusTag';
import { refundedIn } from '../summary';
import type { GrantView } from '../types';
import { UsageRow } from './UsageRow';

/** One authorizer on 授权我的: who, for how long, and what the relative has used of their account. */
export function GrantCard({ grant }: { grant: GrantView }) {
  const refunded = refundedIn(grant.items);
  return (
    <View className='record grant' aria-label={`授权人${grant.authorizerName}，${grant.status}`}>
      <View className='record__head'>
        <Text className='record__name'>{grant.authorizerName}</Text>
        <Text className='record__relation'>授权人</Text>
        <StatusTag status={grant.status} />
      </View>
      <InfoRow label='证件号码' value={grant.authorizerIdNumber} />
      <InfoRow label='您是授权人的' value={grant.relation} />
      <InfoRow label='授权期限' value={periodText(grant)} />
      <InfoRow label='已使用' value={`${grant.used.netYuan} 元`} />
      {grant.items.length ? (
        <View className='grant__usage'>
          {grant.items.map((i) => (
            <UsageRow key={i.id} item={i} refunded={i.kind === '共济结算' && refunded.has(i.settlementId)} />
          ))}
        </View>
      ) : (
        <Text className='muted'>还没有用过这位授权人的个人账户。</Text>
      )}
    </View>
  );
}
