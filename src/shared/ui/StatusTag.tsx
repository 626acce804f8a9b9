import { Text } from '@tarojs/components';
import type { BindingStatus } from '@domain/types';

const TONE: Record<BindingStatus, string> = { 未生效: 'pending', 生效中: 'active', 已到期: 'ended', 已解绑: 'ended' };

export function StatusTag({ status }: { status: BindingStatus }) {
  return <Text className={`status-tag status-tag--${TONE[status]}`}>{status}</Text>;
}
