import { Text, View } from '@tarojs/components';
import { formatYuan } from '@domain/money';
import type { UsageTotals as Totals } from '../summary';

/** What the account gave for the entries shown: paid out, returned, and the difference. */
export function UsageTotals({ totals, scope }: { totals: Totals; scope: string }) {
  return (
    <View className='usage-totals' role='status' aria-label={`${scope}合计`}>
      <Text className='usage-totals__scope'>{scope}</Text>
      <View className='usage-totals__main'>
        <Text className='usage-totals__label'>共济支出合计</Text>
        <Text className='usage-totals__value'>{formatYuan(totals.netFen)} 元</Text>
      </View>
      <Text className='usage-totals__detail'>
        支付 {totals.paidCount} 笔 {formatYuan(totals.paidFen)} 元
        {totals.refundedCount ? `，退费 ${totals.refundedCount} 笔 ${formatYuan(totals.refundedFen)} 元` : ''}
      </Text>
    </View>
  );
}
