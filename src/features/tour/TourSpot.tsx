import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, type ReactElement, type ReactNode } from 'react';
import { useProfileStore } from '@/features/profile';
import { ROUTES } from '@/shared/config/routes';
import { expectLeave } from '@/shared/telemetry/track';
import { BigButton } from '@/shared/ui/BigButton';
import { tap } from '@/shared/ui/tap';
import { bringIntoView } from './bringIntoView';
import { stepOf, type TourSpotId } from './steps';
import { useTourStore } from './store';

// The tour runs on H5 (tour=1 in the link) and in the offline demo. An online mini-program build has
// no way to start it (its hall offers no 开始导览), so there only the plain wrappers below remain and
// the tip, its steps and its scrolling stay out of the citizen's main package. The exports compare the
// settings in place, as shared/api/client.ts does: webpack drops the branch a build cannot reach.
const TOUR_BUILD = process.env.TARO_ENV === 'h5' || process.env.TARO_APP_API_MODE === 'offline';
const Nothing = () => null;

const tipId = (spot: TourSpotId) => `tour-tip-${spot}`;
const frameId = (spot: TourSpotId) => `tour-frame-${spot}`;

const toHall = () => {
  expectLeave();
  return Taro.reLaunch({ url: ROUTES.hall });
};

/** The step's words, with the tour's own controls kept small and outside the frame. */
function LiveTourTip({ spot }: { spot: TourSpotId }) {
  const active = useTourStore((s) => s.active);
  const profile = useProfileStore((s) => s.profile);
  const { index, total, text, last } = stepOf(spot, profile);
  // On arrival the tip and its frame are scrolled on screen: an audience cannot follow a tip that
  // sits below the fold (the consent page's long agreement, the hall on a small phone).
  // A new page is shown only after it mounts, and data arriving can push the frame down: measure
  // once the page shows, and once more a little later.
  useEffect(() => {
    if (!active) return undefined;
    let timer: ReturnType<typeof setTimeout>;
    let tries = 0;
    const attempt = () => {
      const measured = bringIntoView(tipId(spot), frameId(spot));
      tries += 1;
      if (!measured && tries < 30) timer = setTimeout(attempt, 100);
      else if (measured && tries < 30) {
        tries = 30;
        timer = setTimeout(attempt, 500);
      }
    };
    timer = setTimeout(attempt, 80);
    return () => clearTimeout(timer);
  }, [spot, active]);
  if (!active) return null;
  return (
    <View className='tour-tip' id={tipId(spot)} role='status'>
      <Text className='tour-tip__step'>
        导览 第 {index + 1} 步（共 {total} 步）
      </Text>
      <Text className='tour-tip__text'>{text}</Text>
      {last ? null : (
        <View className='tour-tip__actions'>
          {spot !== 'hall' ? (
            <View className='tour-tip__link' role='button' {...tap(toHall)}>
              <Text>回服务大厅</Text>
            </View>
          ) : null}
          <View className='tour-tip__link' role='button' {...tap(() => useTourStore.getState().stop())}>
            <Text>结束导览</Text>
          </View>
        </View>
      )}
    </View>
  );
}

export const TourTip: typeof LiveTourTip =
  process.env.TARO_ENV === 'h5' || process.env.TARO_APP_API_MODE === 'offline' ? LiveTourTip : Nothing;

interface FrameProps {
  /** No spot, or the tour off: the children are shown as they are. */
  spot?: TourSpotId;
  children?: ReactNode;
  className?: string;
}

/**
 * A ring around exactly the control to tap. The wrapper is there whether the tour runs or not, so
 * starting, ending or moving the tour never remounts what is inside (a remount drops focus).
 */
export function TourFrame({ spot, children, className = '' }: FrameProps) {
  const on = useTourStore((s) => s.active) && TOUR_BUILD && !!spot;
  return (
    <View id={on ? frameId(spot!) : undefined} className={`tour-slot ${on ? 'tour-frame' : ''} ${className}`}>
      {children}
    </View>
  );
}

interface Props extends FrameProps {
  /** Shown only while this step is due (a control that exists for the tour, like 填入示例). */
  onlyInTour?: boolean;
}

/** The step's words right above a frame around the control to tap. */
export function TourSpot({ spot, children, onlyInTour, className }: Props) {
  const on = useTourStore((s) => s.active) && TOUR_BUILD && !!spot;
  if (onlyInTour && !on) return null;
  return (
    <View className='tour-spot'>
      {on ? <TourTip spot={spot!} /> : null}
      <TourFrame spot={spot} className={className}>
        {children}
      </TourFrame>
    </View>
  );
}

/** The last step: its one control ends the tour and goes back to 服务大厅 for the next demo. */
function LiveTourFinish() {
  return (
    <TourSpot spot='usage' onlyInTour>
      <BigButton
        onClick={() => {
          useTourStore.getState().stop();
          void toHall();
        }}
      >
        完成导览，回服务大厅
      </BigButton>
    </TourSpot>
  );
}

export const TourFinish: () => ReactElement | null =
  process.env.TARO_ENV === 'h5' || process.env.TARO_APP_API_MODE === 'offline' ? LiveTourFinish : Nothing;
