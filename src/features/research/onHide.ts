// Mini-programs: when the app goes to the background (closed, switched away), what is queued is sent
// with the platform's own request API; the shell keeps running it for a while after hiding.
import Taro from '@tarojs/taro';
import type { ClientEvent } from '@domain/researchEvents';

export interface HideHooks {
  /** Sends what is queued the usual way. */
  flush: () => void;
  /** Hands events to a transport that outlives the page (H5 only); false if it could not take them. */
  sendAllNow: (sendNow: (events: ClientEvent[]) => boolean) => void;
}

/** Returns a function that stops listening. */
export function onPageHide(_sessionId: string, _clientId: string, hooks: HideHooks): () => void {
  const hide = () => hooks.flush();
  Taro.onAppHide?.(hide);
  return () => Taro.offAppHide?.(hide);
}
