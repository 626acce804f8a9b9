// A View that acts as a control: reachable with Tab and fired by Enter or Space as well as a tap.
// Taro's View typings lack tabIndex/onKeyDown, so the props are typed loosely here, once.
import { settling } from './tapGuard';

type KeyEvent = { key?: string; preventDefault?: () => void };

export function tap(onTap: () => unknown): Record<string, unknown> {
  return {
    tabIndex: 0,
    onClick: () => {
      if (!settling()) void onTap();
    },
    onKeyDown: (e: KeyEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault?.();
        void onTap();
      }
    },
  };
}
