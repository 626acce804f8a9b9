// Mini-programs: scroll the page so the tip and its frame are both on screen when a step appears.
import Taro from '@tarojs/taro';
import { scrollDelta } from './scrollDelta';

type Rect = { top: number; bottom: number } | null;

export function bringIntoView(tipId: string, frameId: string): boolean {
  const q = Taro.createSelectorQuery();
  q.select(`#${tipId}`).boundingClientRect();
  q.select(`#${frameId}`).boundingClientRect();
  q.selectViewport().scrollOffset();
  q.exec((res: [Rect, Rect, { scrollTop: number } | null]) => {
    const [tip, frame, viewport] = res ?? [];
    if (!tip || !viewport) return;
    const height = Taro.getSystemInfoSync().windowHeight;
    const delta = scrollDelta(tip.top, (frame ?? tip).bottom, 0, height);
    if (delta !== 0) void Taro.pageScrollTo({ scrollTop: viewport.scrollTop + delta, duration: 200 });
  });
  return true;
}
