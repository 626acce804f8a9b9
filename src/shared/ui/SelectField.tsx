// Mini-programs: a choice from a list with the native picker (the H5 version is SelectField.h5.tsx).
import { Picker, Text, View } from '@tarojs/components';

export interface SelectFieldProps {
  /** Names the control for tests and styles, e.g. "relation". */
  name: string;
  label: string;
  value: string;
  options: readonly string[];
  placeholder?: string;
  onChange: (value: string) => void;
}

export function SelectField({ name, label, value, options, placeholder = '请选择', onChange }: SelectFieldProps) {
  return (
    <Picker
      mode='selector'
      range={options as string[]}
      value={Math.max(0, options.indexOf(value))}
      onChange={(e) => {
        const picked = options[Number(e.detail.value)];
        if (picked !== undefined) onChange(picked);
      }}
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
