// H5: a tab closed right after success must not lose the last events. On visibilitychange (hidden)
// and pagehide, whatever is queued goes out with navigator.sendBeacon, which the browser delivers after
// the page is gone. A beacon can only send text/plain without a preflight; the events route reads it
// as JSON. A batch already on its way may arrive twice: the platform stores each event once.
import { env } from '@/shared/config/env';
import type { ClientEvent } from '@domain/researchEvents';
import type { HideHooks } from './onHide';

export type { HideHooks } from './onHide';

export function onPageHide(sessionId: string, clientId: string, hooks: HideHooks): () => void {
  const url = `${env.apiBase}/api/research/sessions/${encodeURIComponent(sessionId)}/events`;
  const beacon = (events: ClientEvent[]) => {
    const body = JSON.stringify({ clientId, sentAt: Date.now(), events });
    if (typeof navigator !== 'undefined' && typeof navigator.sendBeacon === 'function')
      return navigator.sendBeacon(url, body);
    void fetch(url, { method: 'POST', keepalive: true, headers: { 'content-type': 'text/plain' }, body }).catch(
      () => undefined,
    );
    return true;
  };
  const hide = () => hooks.sendAllNow(beacon);
  const visibility = () => {
    if (document.visibilityState === 'hidden') hide();
  };
  document.addEventListener('visibilitychange', visibility);
  window.addEventListener('pagehide', hide);
  return () => {
    document.removeEventListener('visibilitychange', visibility);
    window.removeEventListener('pagehide', hide);
  };
}
