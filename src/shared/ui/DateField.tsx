// Mini-programs: a date from the native date picker (the H5 version is DateField.h5.tsx).
import { Picker, Text, View } from '@tarojs/components';

export interface DateFieldProps {
  name: string;
  label: string;
  value: string;
  /** Where the picker opens when there is no value yet. */
  initial: string;
  placeholder: string;
  onChange: (value: string) => void;
}

export function DateField({ name, label, value, initial, placeholder, onChange }: DateFieldProps) {
  return (
    <Picker
      mode='date'
      value={value || initial}
      start='2000-01-01'
      end='2099-12-31'
      onChange={(e) => onChange(e.detail.value)}
    >
      <View
        className={`picker-value picker-value--${name}`}
        role='button'
        aria-label={`${label}：${value || placeholder}`}
      >
        <Text className={value ? '' : 'placeholder'}>{value || placeholder}</Text>
        <Text className='picker-value__arrow' aria-hidden>
          ›
        </Text>
      </View>
    </Picker>
  );
}
