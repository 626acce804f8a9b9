import { PageMeta, View } from '@tarojs/components';
import { useDidShow, useUnload } from '@tarojs/taro';
import { useState, type ReactNode } from 'react';
import { pageClosed, track } from '../telemetry/track';
import { useCareModeStore } from './careMode';
import { useScreenFoot } from './screenFoot';
import { pageAppeared } from './tapGuard';

const MINI = process.env.TARO_ENV !== 'h5';

/** Page body with the app's large, plain type; larger still in 关怀模式. */
export function Screen({ children, className = '' }: { children: ReactNode; className?: string }) {
  const care = useCareModeStore((s) => s.on);
  useState(pageAppeared);
  useDidShow(() => {
    pageAppeared();
    track({ type: 'screen' });
  });
  useUnload(() => pageClosed());
  const foot = useScreenFoot();
  const mode = care ? (MINI ? 'screen--care screen--care-system' : 'screen--care') : '';
  return (
    <>
      {/* Mini-programs: in 关怀模式 the page follows the user's WeChat / Alipay font size. */}
      {MINI && care ? <PageMeta pageFontSize='system' rootFontSize='system' /> : null}
      <View className={`screen ${mode} ${className}${foot ? ` ${foot.className}` : ''}`} role='main'>
        {children}
        {foot?.node}
      </View>
    </>
  );
}
