import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface Props {
  label: string;
  required?: boolean;
  error?: string;
  hint?: string;
  children: ReactNode;
}

/** One form row: label, the control, and its problem in plain words right beneath it. */
export function Field({ label, required, error, hint, children }: Props) {
  return (
    <View className={`field ${error ? 'field--error' : ''}`}>
      <View className='field__label'>
        {required ? (
          <Text className='field__required' aria-hidden>
            *
          </Text>
        ) : null}
        <Text>{label}</Text>
      </View>
      {children}
      {error ? (
        <View className='field__error' role='alert'>
          <Text>{error}</Text>
        </View>
      ) : hint ? (
        <View className='field__hint'>
          <Text>{hint}</Text>
        </View>
      ) : null}
    </View>
  );
}
