import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  desc: string;
  /** Details under the message, e.g. what was bound or paid. */
  children?: ReactNode;
  /** The buttons: the primary one first (完成 / 返回), then the secondary ones. */
  actions: ReactNode;
}

/** WeUI's msg page: a round success icon, the outcome in a few words, then what to do next. */
export function Msg({ title, desc, children, actions }: Props) {
  return (
    <View className='msg'>
      <View className='msg__main' role='status'>
        <View className='msg__icon msg__icon--success' aria-hidden />
        <View className='msg__title' role='heading' aria-level={1}>
          <Text>{title}</Text>
        </View>
        <Text className='msg__desc'>{desc}</Text>
      </View>
      {children}
      <View className='msg__actions'>{actions}</View>
    </View>
  );
}
