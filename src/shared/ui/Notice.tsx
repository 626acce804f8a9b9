import { Text, View } from '@tarojs/components';

export type NoticeKind = 'error' | 'warning' | 'info' | 'success';

/** A message in the page itself (not a pop-up), so it stays until the user has read it. */
export function Notice({ kind, message }: { kind: NoticeKind; message: string }) {
  return (
    <View className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <Text>{message}</Text>
    </View>
  );
}
