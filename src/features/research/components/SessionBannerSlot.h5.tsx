// H5: the research banner and its store arrive as a chunk of their own, only on a device opened for
// a research session; everyone else never downloads them.
import { lazy, Suspense } from 'react';
import { requestedSession, sessionTried, storedSession } from '../launch';
import { loadSessionBanner } from '../load';

const Banner = lazy(() => loadSessionBanner().then((m) => ({ default: m.SessionBanner })));

export function SessionBannerSlot() {
  if (!requestedSession() && !storedSession() && !sessionTried()) return null;
  return (
    <Suspense fallback={null}>
      <Banner />
    </Suspense>
  );
}
