// One tap back to the seed for the next demo: the platform's data, the log-in and everything typed.
import Taro from '@tarojs/taro';
import { useAuthStore } from '@/features/auth/store';
import { resetBindForm } from '@/features/binding/formStore';
import { resetRecords } from '@/features/binding/recordsStore';
import { resetPayment } from '@/features/payment/store';
import { ROUTES } from '@/shared/config/routes';
import { expectLeave } from '@/shared/telemetry/track';
import { resetPlatform } from './api/resetPlatform';
import { resetTour } from './store';

let running: Promise<boolean> | null = null;

/** Resets once however often it is tapped; resolves false when the platform refused. */
export function resetDemo(): Promise<boolean> {
  running ??= (async () => {
    try {
      await resetPlatform();
      useAuthStore.getState().clear();
      resetBindForm();
      resetRecords();
      resetPayment();
      resetTour();
      expectLeave();
      await Taro.reLaunch({ url: ROUTES.hall });
      return true;
    } catch {
      return false;
    } finally {
      running = null;
    }
  })();
  return running;
}
