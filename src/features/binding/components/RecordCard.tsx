import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { tap } from '@/shared/ui/tap';
import { chinaDayOf, chineseDate, periodText } from '@domain/dates';
import type { BindingView } from '@domain/views';
import { BigButton } from '@/shared/ui/BigButton';
import { InfoRow } from '@/shared/ui/InfoRow';
import { StatusTag } from '@/shared/ui/StatusTag';

interface Props {
  record: BindingView;
  busy: boolean;
  onUnbind: (record: BindingView) => void;
}

export function RecordCard({ record, busy, onUnbind }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <View className='record' aria-label={`${record.relativeName}，${record.relation}，${record.status}`}>
      <View className='record__head' role='button' aria-expanded={open} {...tap(() => setOpen(!open))}>
        <Text className='record__name'>{record.relativeName}</Text>
        <Text className='record__relation'>{record.relation}</Text>
        <StatusTag status={record.status} />
      </View>
      <InfoRow label='授权期限' value={periodText(record)} />
      {open ? (
        <View className='record__details'>
          <InfoRow label={record.relativeIdType} value={record.relativeIdNumber} />
          <InfoRow label='手机号码' value={record.relativePhone} />
          <InfoRow label='办理时间' value={chineseDate(chinaDayOf(record.createdAt))} />
          {record.unboundAt ? <InfoRow label='解绑时间' value={chineseDate(chinaDayOf(record.unboundAt))} /> : null}
        </View>
      ) : null}
      <View className='record__actions'>
        <View className='text-button' role='button' {...tap(() => setOpen(!open))}>
          <Text>{open ? '收起详情' : '查看详情'}</Text>
        </View>
      </View>
      {record.canUnbind ? (
        <BigButton kind='danger' loading={busy} onClick={() => onUnbind(record)}>
          解除绑定
        </BigButton>
      ) : null}
    </View>
  );
}
