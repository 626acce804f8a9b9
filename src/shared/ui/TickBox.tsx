import { Text, View } from '@tarojs/components';
import { tap } from '@/shared/ui/tap';

interface Props {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
}

/** A large tick box drawn by the app, the same on every platform, with its label as the tap area. */
export function TickBox({ checked, onChange, label }: Props) {
  return (
    <View
      className={`tickbox ${checked ? 'tickbox--checked' : ''}`}
      role='checkbox'
      aria-checked={checked}
      aria-label={label}
      {...tap(() => onChange(!checked))}
    >
      <View className='tickbox__box'>{checked ? <View className='tickbox__mark' aria-hidden /> : null}</View>
      <Text className='tickbox__label'>{label}</Text>
    </View>
  );
}
