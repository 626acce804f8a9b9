import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export function Card({ title, children, className = '' }: { title?: string; children: ReactNode; className?: string }) {
  return (
    <View className={`card ${className}`}>
      {title ? (
        <View className='card__title' role='heading' aria-level={2}>
          <Text>{title}</Text>
        </View>
      ) : null}
      {children}
    </View>
  );
}
