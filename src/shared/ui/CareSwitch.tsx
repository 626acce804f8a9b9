import { useCareModeStore } from './careMode';
import { Switch } from './Switch';

export function CareSwitch() {
  const on = useCareModeStore((s) => s.on);
  return (
    <Switch
      className='care-switch'
      checked={on}
      onChange={() => useCareModeStore.getState().toggle()}
      title='关怀模式'
      desc='字更大、按钮更大、更清楚'
    />
  );
}
