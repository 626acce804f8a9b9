import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { pageTitle, type PageKind } from '@domain/wording';
import { useProfileStore } from './store';

/**
 * The title bar in the province's words. index.config.ts titles are fixed at build time, so each page
 * sets its own when it opens, when the profile arrives, and again when it is shown after another page.
 */
export function usePageTitle(kind: PageKind) {
  const title = useProfileStore((s) => pageTitle(s.profile, kind));
  const apply = () => {
    try {
      void Promise.resolve(Taro.setNavigationBarTitle({ title })).catch(() => undefined);
    } catch {
      // A shell without a title bar: the page itself still names the service.
    }
  };
  useEffect(apply, [title]);
  useDidShow(apply);
}
