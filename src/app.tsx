import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { useAuthStore } from '@/features/auth/store';
import { requestedProfile } from '@/features/profile/launch';
import { holdResearchEvents, requestedSession, storedSession } from '@/features/research/launch';
import { loadResearch } from '@/features/research/load';
import { useResearchStatusStore } from '@/features/research/status';
import { useProfileStore } from '@/features/profile/store';
import type * as TaskBar from '@/features/research/components/TaskBar';
import { useCareModeStore } from '@/shared/ui/careMode';
import { setScreenFoot } from '@/shared/ui/screenFoot';
import './app.scss';

// The guided tour's styles ship only where the tour can run (H5, the offline demo): an online
// mini-program build has no way to start it (features/tour/TourSpot.tsx).
if (process.env.TARO_ENV === 'h5' || process.env.TARO_APP_API_MODE === 'offline') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./features/tour/tour.scss');
}

// Mini-programs: while a study task runs, every page ends in the bar with 完成 / 放弃 (H5 draws it over
// the app from the research chunk). The brief and the questionnaires are pages of the staff subpackage.
if (process.env.TARO_ENV !== 'h5') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { useTaskBar } = require('./features/research/components/TaskBar') as typeof TaskBar;
  setScreenFoot(useTaskBar);
}

function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    useCareModeStore.getState().restore();
    // A research session fixes the profile and the persona itself.
    const session = requestedSession(options?.query) ?? storedSession();
    if (session) {
      holdResearchEvents();
      if (process.env.TARO_ENV === 'h5') {
        // Known at once, so no screen offers the persona picker while the research code is on its way.
        useResearchStatusStore.setState({ sessionId: session, status: 'joining' });
        void loadResearch().then(({ useResearchStore }) => useResearchStore.getState().join(session));
      } else {
        // The hall sends the researcher to the session page, which loads the staff subpackage.
        useResearchStatusStore.setState({ pending: session, sessionId: session, status: 'joining' });
      }
      return;
    }
    const requested = requestedProfile(options?.query);
    if (requested) useProfileStore.getState().choose(requested);
    useAuthStore.getState().restore();
    // The built-in profile stands in until the platform answers.
    useProfileStore
      .getState()
      .load()
      .catch(() => undefined);
  });
  return children;
}

export default App;
