import { Text, View } from '@tarojs/components';
import { chineseDate } from '@domain/dates';
import { InfoRow } from '@/shared/ui/InfoRow';
import type { UsageEntry, UsageItem } from '../types';

const TONE = { 共济结算: 'settle', 代缴: 'premium', 退费: 'refund' } as const;

const isEntry = (i: UsageItem | UsageEntry): i is UsageEntry => 'balanceAfterYuan' in i;

/**
 * One payment from (or 退费 back to) the authorizer's account. The authorizer's entries name the
 * relative and the balance after; a relative's own list (授权我的) has neither.
 */
export function UsageRow({ item, refunded = false }: { item: UsageItem | UsageEntry; refunded?: boolean }) {
  const back = item.direction === 'in';
  const amount = `${back ? '退回' : '支付'} ${item.amountYuan} 元`;
  const day = chineseDate(item.date);
  const entry = isEntry(item) ? item : null;
  return (
    <View
      className={`usage-item usage-item--${TONE[item.kind]}`}
      aria-label={`${day}，${entry ? `${entry.relativeName}，` : ''}${item.kind}${refunded ? '（已退费）' : ''}，${amount}`}
    >
      <View className='usage-item__head'>
        <View className='usage-item__tags'>
          <Text className={`usage-tag usage-tag--${TONE[item.kind]}`}>{item.kind}</Text>
          {refunded ? <Text className='usage-tag usage-tag--refunded'>已退费</Text> : null}
        </View>
        <Text className='usage-item__date'>{day}</Text>
      </View>
      <View className='usage-item__main'>
        <Text className='usage-item__who'>
          {entry ? `${entry.relativeName}（${entry.relation}）` : item.institutionName}
        </Text>
        <Text className='usage-item__amount'>{amount}</Text>
      </View>
      {entry ? (
        <>
          <InfoRow label={item.kind === '代缴' ? '缴费项目' : '机构'} value={item.institutionName} />
          <InfoRow label={back ? '退回后余额' : '支付后余额'} value={`${entry.balanceAfterYuan} 元`} />
        </>
      ) : null}
    </View>
  );
}
