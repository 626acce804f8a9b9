import { Text, View } from '@tarojs/components';
import { chinaDayOf, chineseDate } from '@domain/dates';
import { formatYuan } from '@domain/money';
import { InfoRow } from '@/shared/ui/InfoRow';
import type { UsageEntry } from '../types';

const TONE = { 共济结算: 'settle', 代缴: 'premium', 退费: 'refund' } as const;

/** One payment from (or 退费 back to) the authorizer's account. `who` hides the relative on 授权我的. */
export function UsageItem({ entry, who = true }: { entry: UsageEntry; who?: boolean }) {
  const refund = entry.kind === '退费';
  const amount = `${refund ? '+' : '-'}${formatYuan(entry.amountFen)} 元`;
  const day = chineseDate(chinaDayOf(entry.at));
  return (
    <View
      className={`usage-item usage-item--${TONE[entry.kind]}`}
      aria-label={`${day}，${who ? `${entry.relativeName}，` : ''}${entry.kind}，${amount}`}
    >
      <View className='usage-item__head'>
        <Text className={`usage-tag usage-tag--${TONE[entry.kind]}`}>{entry.kind}</Text>
        <Text className='usage-item__date'>{day}</Text>
      </View>
      <View className='usage-item__main'>
        <Text className='usage-item__who'>
          {who ? `${entry.relativeName}（${entry.relation}）` : entry.institution}
        </Text>
        <Text className='usage-item__amount'>{amount}</Text>
      </View>
      {who ? <InfoRow label={entry.kind === '代缴' ? '缴费项目' : '机构'} value={entry.institution} /> : null}
      <InfoRow label={refund ? '退回后余额' : '支付后余额'} value={`${formatYuan(entry.balanceAfterFen)} 元`} />
    </View>
  );
}
