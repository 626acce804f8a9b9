import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { BigButton } from '@/shared/ui/BigButton';
import { stepOf, type TourSpotId } from './steps';
import { useTourStore } from './store';

interface Props {
  /** No spot: the children are shown as they are (handy inside lists). */
  spot?: TourSpotId;
  children?: ReactNode;
  /** An extra action in the tip, e.g. 填入示例. */
  action?: { label: string; onClick: () => void };
}

/**
 * Frames what to tap next, with the step's words right above it. Drawn in the page's own flow, not
 * over it, so it works the same in WeChat, Alipay and the browser and never hides the control.
 */
export function TourSpot({ spot, children, action }: Props) {
  const active = useTourStore((s) => s.active);
  const { index, step, total } = stepOf(spot);
  if (!active || !step) return <>{children}</>;
  const last = index === total - 1;
  return (
    <View className='tour-spot'>
      <View className='tour-tip' role='status'>
        <Text className='tour-tip__step'>
          导览 第 {index + 1} 步（共 {total} 步）
        </Text>
        <Text className='tour-tip__text'>{step.text}</Text>
        <View className='tour-tip__actions'>
          {action ? (
            <BigButton kind='secondary' onClick={action.onClick}>
              {action.label}
            </BigButton>
          ) : null}
          <BigButton kind={last ? 'primary' : 'secondary'} onClick={() => useTourStore.getState().stop()}>
            结束导览
          </BigButton>
        </View>
      </View>
      {children ? <View className='tour-spot__target'>{children}</View> : null}
    </View>
  );
}
