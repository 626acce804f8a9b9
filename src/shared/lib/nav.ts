import Taro from '@tarojs/taro';
import type { Route } from '../config/routes';
import { expectLeave } from '../telemetry/track';

const withQuery = (route: Route, query?: Record<string, string>) =>
  query && Object.keys(query).length
    ? `${route}?${Object.entries(query)
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
        .join('&')}`
    : route;

export const goTo = (route: Route, query?: Record<string, string>) => Taro.navigateTo({ url: withQuery(route, query) });
export const replaceWith = (route: Route, query?: Record<string, string>) => {
  expectLeave();
  return Taro.redirectTo({ url: withQuery(route, query) });
};
/** A fresh start on `route`: every page open is closed, and none of them was the user going back. */
export const relaunch = (route: Route) => {
  expectLeave(Taro.getCurrentPages().length);
  return Taro.reLaunch({ url: route });
};
export const goBack = () => Taro.navigateBack({ delta: 1 }).catch(() => undefined);

/**
 * Back to a page already open below this one, as the system back button would, so the pages in
 * between (an emptied form) are not met again; opens it in place when it is not in the stack.
 */
export const backTo = (route: Route) => {
  const stack = Taro.getCurrentPages();
  const path = route.replace(/^\//, '');
  for (let i = stack.length - 2; i >= 0; i--) {
    if ((stack[i]?.route ?? '').replace(/^\//, '').split('?')[0] === path) {
      expectLeave();
      return Taro.navigateBack({ delta: stack.length - 1 - i });
    }
  }
  return replaceWith(route);
};
/** Back to the page before, or to `route` when this page was opened directly (a link, a reload). */
export const backOr = (route: Route) => (Taro.getCurrentPages().length > 1 ? goBack() : replaceWith(route));
