import { View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/shared/ui/BigButton';
import { confirmAction } from '@/shared/ui/confirm';
import { Notice } from '@/shared/ui/Notice';
import { resetDemo } from './reset';
import { tourOffered, useTourStore } from './store';

const OFFLINE = process.env.TARO_APP_API_MODE === 'offline';

/** On 服务大厅 for trainers: start the guided tour; in the offline demo, one tap back to the start. */
export function DemoControls() {
  const active = useTourStore((s) => s.active);
  const [problem, setProblem] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);
  if (!tourOffered() && !OFFLINE) return null;

  const reset = async () => {
    if (resetting) return;
    const sure = await confirmAction('重置演示', '清除本次演示办理的绑定、缴费和登录，回到初始数据？', '重置', '取消');
    if (!sure) return;
    setResetting(true);
    const ok = await resetDemo();
    setResetting(false);
    setProblem(ok ? null : '重置没有成功，请再点一次「重置演示」。');
  };

  return (
    <View className='demo-controls'>
      {problem ? <Notice kind='error' message={problem} /> : null}
      {!active ? <BigButton onClick={() => useTourStore.getState().start()}>开始导览</BigButton> : null}
      {OFFLINE ? (
        <BigButton kind='secondary' onClick={reset} loading={resetting}>
          {resetting ? '正在重置…' : '重置演示'}
        </BigButton>
      ) : null}
    </View>
  );
}
