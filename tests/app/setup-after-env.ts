import '@testing-library/jest-dom';
import { resetAuthStore } from '@/features/auth/store';
import { resetBindForm } from '@/features/binding/formStore';
import { resetRecords } from '@/features/binding/recordsStore';
import { resetPayment } from '@/features/payment/store';
import { resetProfileStore } from '@/features/profile/store';
import { resetResearchStore } from '@/features/research/store';
import { resetTour } from '@/features/tour/store';
import { setTransport } from '@/shared/api/client';
import { resetCareMode } from '@/shared/ui/careMode';
import { setTapSettle } from '@/shared/ui/tapGuard';

// Screens tap right after rendering here; the pause after a page appears is checked in the browser.
setTapSettle(0);

// Every test starts from nothing: no session, no typed data, no transport left from another test.
beforeEach(() => {
  localStorage.clear();
  setTransport(null);
  resetAuthStore();
  resetBindForm();
  resetRecords();
  resetPayment();
  resetProfileStore();
  resetCareMode();
  resetResearchStore();
  resetTour();
});
