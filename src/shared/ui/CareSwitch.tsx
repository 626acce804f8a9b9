import { Text, View } from '@tarojs/components';
import { useCareModeStore } from './careMode';
import { tap } from './tap';

export function CareSwitch() {
  const on = useCareModeStore((s) => s.on);
  return (
    <View
      className={`care-switch ${on ? 'care-switch--on' : ''}`}
      role='switch'
      aria-checked={on}
      {...tap(() => useCareModeStore.getState().toggle())}
    >
      <View className='care-switch__text'>
        <Text className='care-switch__title'>关怀模式</Text>
        <Text className='care-switch__desc'>字更大、按钮更大、更清楚</Text>
      </View>
      <Text className='care-switch__state'>{on ? '已开启' : '已关闭'}</Text>
    </View>
  );
}
