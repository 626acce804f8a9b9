import { Text, View } from '@tarojs/components';
import { rulesUpFront } from '@domain/wording';
import { useProfileStore } from '../store';

/** The rules a citizen could fail on, said before the form rather than after it is filled in. */
export function RulesUpFront() {
  const profile = useProfileStore((s) => s.profile);
  return (
    <View className='rules-up-front' role='note' aria-label='办理前请了解'>
      <Text className='rules-up-front__title'>办理前请了解</Text>
      {rulesUpFront(profile).map((rule) => (
        <Text key={rule} className='rules-up-front__item'>
          {rule}
        </Text>
      ))}
    </View>
  );
}
