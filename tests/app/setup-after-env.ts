import '@testing-library/jest-dom';
import { setTransport } from '@/shared/api/client';
import { resetStores } from '@/shared/lib/resets';

// Every test starts from nothing: no session, no typed data, no transport left from another test.
beforeEach(() => {
  localStorage.clear();
  setTransport(null);
  resetStores();
});
