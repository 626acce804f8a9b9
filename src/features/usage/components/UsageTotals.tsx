import { Text, View } from '@tarojs/components';
import type { UsageTotals as Totals } from '../types';

/** What the account gave for the entries shown: paid out, returned, and the difference. */
export function UsageTotals({ totals, scope }: { totals: Totals; scope: string }) {
  return (
    <View className='usage-totals' role='status' aria-label={`${scope}，合计`}>
      <Text className='usage-totals__scope'>{scope}</Text>
      <View className='usage-totals__main'>
        <Text className='usage-totals__label'>共济支出合计</Text>
        <Text className='usage-totals__value'>{totals.netYuan} 元</Text>
      </View>
      {/* Each amount kept whole on its line: 「退回」 never parted from its 20.00 元. */}
      <View className='usage-totals__detail'>
        <Text className='usage-totals__part'>共 {totals.count} 笔：</Text>
        <Text className='usage-totals__part'>
          支付 {totals.outYuan} 元{totals.inFen ? '，' : ''}
        </Text>
        {totals.inFen ? <Text className='usage-totals__part'>退回 {totals.inYuan} 元</Text> : null}
      </View>
    </View>
  );
}
