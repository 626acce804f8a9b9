import '@testing-library/jest-dom';
import { act } from '@testing-library/react';
import { setTransport } from '@/shared/api/client';
import { resetStores } from '@/shared/lib/resets';
import { setTapSettle } from '@/shared/ui/tapGuard';

// Screens tap right after rendering here; the pause after a page appears is checked in the browser.
setTapSettle(0);

// Every test starts from nothing: no session, no typed data, no transport left from another test.
beforeEach(() => {
  localStorage.clear();
  setTransport(null);
  // A panel mounted outside the tested tree (the research task panel) may still listen to the stores.
  act(() => resetStores());
});
