import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** Page body with the app's large, plain type. */
export function Screen({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <View className={`screen ${className}`}>{children}</View>;
}
