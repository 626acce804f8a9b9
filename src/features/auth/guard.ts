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
    replaceWith(ROUTES.login, { redirect: back });
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
  const check = () => {
    const auth = useAuthStore.getState();
    if (!auth.token) {
      replaceWith(ROUTES.login, { redirect: back });
      return;
    }
    auth.refreshMe().then(onReady, (e) => redirectIfSignedOut(e, back));
  };
  useEffect(check, []);
  // The first show is the mount above; later ones are returns from another page.
  useDidShow(() => {
    if (shownOnce.current) check();
    shownOnce.current = true;
  });
}
