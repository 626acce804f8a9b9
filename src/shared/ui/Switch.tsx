import { Text, View } from '@tarojs/components';
import { tap } from './tap';

interface Props {
  checked: boolean;
  onChange: (checked: boolean) => void;
  title: string;
  desc?: string;
  className?: string;
}

/** A WeUI switch row: the title (and a line of help) on the left, the round switch on the right. */
export function Switch({ checked, onChange, title, desc, className = '' }: Props) {
  return (
    <View
      className={`switch-row ${checked ? 'switch-row--on' : ''} ${className}`}
      role='switch'
      aria-checked={checked}
      aria-label={title}
      {...tap(() => onChange(!checked))}
    >
      <View className='switch-row__text'>
        <Text className='switch-row__title'>{title}</Text>
        {desc ? <Text className='switch-row__desc'>{desc}</Text> : null}
      </View>
      <View className='switch' aria-hidden>
        <View className='switch__knob' />
      </View>
    </View>
  );
}
