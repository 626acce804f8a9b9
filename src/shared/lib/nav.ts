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
export const goBack = () => Taro.navigateBack({ delta: 1 }).catch(() => undefined);
/** Back to the page before, or to `route` when this page was opened directly (a link, a reload). */
export const backOr = (route: Route) => (Taro.getCurrentPages().length > 1 ? goBack() : replaceWith(route));
