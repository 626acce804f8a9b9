import { useEffect, useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import { ROUTES, type Route } from '@/shared/config/routes';
import { ApiError } from '@/shared/api/types';
import { replaceWith } from '@/shared/lib/nav';
import { useAuthStore } from './store';

/** Sends the user to log in when the session is missing or has expired; true if it did. */
export function redirectIfSignedOut(error: unknown, back: Route): boolean {
  if (error instanceof ApiError && error.kind === 'auth') {
    useAuthStore.getState().clear(error.message);
    // Say why: landing on 登录 with no word looks like the app lost everything.
    replaceWith(ROUTES.login, { redirect: back, ended: '1' });
    return true;
  }
  return false;
}

/**
 * For pages that need the authorizer: refreshes the account (and runs onReady) when the page opens
 * and each time it is shown again, or asks to log in.
 */
export function useSignedIn(back: Route, onReady?: () => void) {
  const shownOnce = useRef(false);
  // The page's latest `back` and `onReady`, read when the page is shown rather than when it first rendered.
  const check = useRef(() => {});
  check.current = () => {
    const auth = useAuthStore.getState();
    if (!auth.token) {
      replaceWith(ROUTES.login, { redirect: back });
      return;
    }
    auth.refreshMe().then(onReady, (e) => redirectIfSignedOut(e, back));
  };
  useEffect(() => check.current(), []);
  // The first show is the mount above; later ones are returns from another page.
  useDidShow(() => {
    if (shownOnce.current) check.current();
    shownOnce.current = true;
  });
}
