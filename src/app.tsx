import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { useAuthStore } from '@/features/auth/store';
import { requestedProfile } from '@/features/profile/launch';
import { holdResearchEvents, requestedSession, storedSession } from '@/features/research/launch';
import { loadResearch } from '@/features/research/load';
import { useResearchStatusStore } from '@/features/research/status';
import { useProfileStore } from '@/features/profile/store';
import { useCareModeStore } from '@/shared/ui/careMode';
import './app.scss';

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
