// Something a feature shows at the foot of every page, with a class the page takes meanwhile so it
// keeps room for it (mini-programs: the research task bar; H5 draws it over the app in its own root).
import type { ReactNode } from 'react';

export interface ScreenFoot {
  className: string;
  node: ReactNode;
}

type UseScreenFoot = () => ScreenFoot | null;

let useFoot: UseScreenFoot = () => null;

/** Set once at start-up, before any page renders: the hook must stay the same between renders. */
export const setScreenFoot = (hook: UseScreenFoot) => {
  useFoot = hook;
};

export const useScreenFoot: UseScreenFoot = () => useFoot();
