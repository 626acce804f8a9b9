// Mini-programs: a date from the native date picker, shown as 2026年11月23日 (the H5 version is
// DateField.h5.tsx).
import { Picker, Text, View } from '@tarojs/components';
import { chineseDate } from '@domain/dates';

export interface DateFieldProps {
  name: string;
  label: string;
  value: string;
  /** Where the picker opens when there is no value yet. */
  initial: string;
  /** The earliest day the picker offers (today for an authorization). */
  min: string;
  placeholder: string;
  onChange: (value: string) => void;
}

export function DateField({ name, label, value, initial, min, placeholder, onChange }: DateFieldProps) {
  const shown = value ? chineseDate(value) : placeholder;
  return (
    <Picker
      mode='date'
      value={value || initial}
      start={min}
      end='2099-12-31'
      onChange={(e) => onChange(e.detail.value)}
    >
      <View className={`picker-value picker-value--${name}`} role='button' aria-label={`${label}：${shown}`}>
        <Text className={value ? '' : 'placeholder'}>{shown}</Text>
        <Text className='picker-value__arrow' aria-hidden>
          ›
        </Text>
      </View>
    </Picker>
  );
}
