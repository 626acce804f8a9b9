import { Text, View } from '@tarojs/components';
import { menuPath } from '@domain/wording';
import { useProfileStore } from '../store';

/** The province's own way here (channel › menu › …), so a tester can find it in the real app. */
export function MenuPath() {
  const profile = useProfileStore((s) => s.profile);
  const parts = menuPath(profile);
  return (
    <View className='menu-path' role='navigation' aria-label={`办理路径：${parts.join('，')}`}>
      {parts.map((part, i) => (
        <View key={`${i}-${part}`} className='menu-path__part'>
          {i > 0 ? (
            <Text className='menu-path__sep' aria-hidden>
              ›
            </Text>
          ) : null}
          <Text>{part}</Text>
        </View>
      ))}
    </View>
  );
}
