import { View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/shared/ui/BigButton';
import { Notice } from '@/shared/ui/Notice';
import type * as Confirm from '@/shared/ui/confirm';
import type * as Reset from './reset';
import { tourOffered, useTourStore } from './store';

const OFFLINE = process.env.TARO_APP_API_MODE === 'offline';

// The reset (and the dialog asking first) pulls in every store and Taro's dialogs: H5 fetches it on
// the first tap of 重置演示, so the hall stays light for everyone else.
type ResetModules = [typeof Confirm, typeof Reset];
const loadReset = (): Promise<ResetModules> =>
  process.env.TARO_ENV === 'h5'
    ? Promise.all([
        import(/* webpackChunkName: "tour" */ '@/shared/ui/confirm'),
        import(/* webpackChunkName: "tour" */ './reset'),
      ])
    : process.env.TARO_APP_API_MODE === 'offline'
      ? // Mini-programs have no chunks: a require inside the branch keeps the modules out of H5's first
        // bundle, and out of online mini-program builds, which never offer the reset.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        Promise.resolve([require('@/shared/ui/confirm'), require('./reset')] as ResetModules)
      : Promise.reject(new Error('only the offline demo resets'));

/** On 服务大厅 for trainers: start the guided tour; in the offline demo, one tap back to the start. */
function LiveDemoControls() {
  const active = useTourStore((s) => s.active);
  const [problem, setProblem] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);
  if (!tourOffered() && !OFFLINE) return null;

  const reset = async () => {
    if (resetting) return;
    const [{ confirmAction }, { resetDemo }] = await loadReset();
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

// An online mini-program build never offers the tour (no link parameters reach this check there), so
// its main package carries neither these controls nor the reset; compared in place for the minifier.
export const DemoControls: typeof LiveDemoControls =
  process.env.TARO_ENV === 'h5' || process.env.TARO_APP_API_MODE === 'offline' ? LiveDemoControls : () => null;
