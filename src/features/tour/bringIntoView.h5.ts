// H5: Taro scrolls each page inside its own .taro_page element, under a fixed title bar; and keeps
// earlier pages in the document, hidden, so the ids are looked up among the visible elements only.
import { scrollDelta } from './scrollDelta';

const visible = (id: string) =>
  Array.from(document.querySelectorAll<HTMLElement>(`[id="${id}"]`)).find((e) => e.getClientRects().length > 0);

/** False while the page is not shown yet (Taro shows a new page after it mounts): try again. */
export function bringIntoView(tipId: string, frameId: string): boolean {
  const tip = visible(tipId);
  if (!tip) return false;
  const frame = visible(frameId) ?? tip;
  const page = tip.closest<HTMLElement>('.taro_page');
  const scroller = page && page.scrollHeight > page.clientHeight ? page : document.scrollingElement;
  if (!scroller) return true;
  const bar = document.querySelector('#taro-navigation-bar')?.getBoundingClientRect();
  // The screen's height: innerHeight grows when a page wider than the phone widens the layout.
  const screen = Math.min(window.visualViewport?.height ?? window.innerHeight, document.documentElement.clientHeight);
  const box = scroller === page ? page.getBoundingClientRect() : { top: 0, bottom: screen };
  const top = Math.max(box.top, bar && bar.height > 0 ? bar.bottom : 0, 0);
  const bottom = Math.min(box.bottom, screen);
  const delta = scrollDelta(tip.getBoundingClientRect().top, frame.getBoundingClientRect().bottom, top, bottom);
  if (delta !== 0) scroller.scrollTop += delta;
  return true;
}
