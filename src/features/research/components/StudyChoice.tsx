import { Text, View } from '@tarojs/components';
import { tap } from '@/shared/ui/tap';

/** One point of a rating scale (SEQ 1–7, SUS 1–5): a large target that says whether it is chosen. */
export function StudyChoice({
  n,
  chosen,
  label,
  onChoose,
}: {
  n: number;
  chosen: boolean;
  label: string;
  onChoose: () => void;
}) {
  return (
    <View
      className={`study__choice ${chosen ? 'study__choice--on' : ''}`}
      role='button'
      aria-pressed={chosen}
      aria-label={label}
      {...tap(onChoose)}
    >
      <Text>{n}</Text>
    </View>
  );
}
