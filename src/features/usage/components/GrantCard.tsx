import { Text, View } from '@tarojs/components';
import { periodText } from '@domain/dates';
import { formatYuan } from '@domain/money';
import { InfoRow } from '@/shared/ui/InfoRow';
import { StatusTag } from '@/shared/ui/StatusTag';
import { totalsOf } from '../summary';
import type { GrantEntry } from '../types';
import { UsageItem } from './UsageItem';

/** One authorizer on 授权我的: who, since when, and what the relative has used of their account. */
export function GrantCard({ grant }: { grant: GrantEntry }) {
  const totals = totalsOf(grant.usage);
  return (
    <View className='record grant' aria-label={`${grant.authorizerName}，${grant.status}`}>
      <View className='record__head'>
        <Text className='record__name'>{grant.authorizerName}</Text>
        <Text className='record__relation'>授权人</Text>
        <StatusTag status={grant.status} />
      </View>
      <InfoRow label='您是授权人的' value={grant.relation} />
      <InfoRow label='授权期限' value={periodText(grant)} />
      <InfoRow label='已使用' value={`${formatYuan(totals.netFen)} 元`} />
      {grant.usage.length ? (
        <View className='grant__usage'>
          {grant.usage.map((e) => (
            <UsageItem key={e.id} entry={e} who={false} />
          ))}
        </View>
      ) : (
        <Text className='muted'>还没有用过这位授权人的个人账户。</Text>
      )}
    </View>
  );
}
