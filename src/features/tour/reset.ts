// One tap back to the seed for the next demo: the platform's data, the log-in and everything typed.
import Taro from '@tarojs/taro';
import { ROUTES } from '@/shared/config/routes';
import { resetStores } from '@/shared/lib/resets';
import { expectLeave } from '@/shared/telemetry/track';
import { resetPlatform } from './api/resetPlatform';

let running: Promise<boolean> | null = null;

/** Resets once however often it is tapped; resolves false when the platform refused. */
export function resetDemo(): Promise<boolean> {
  running ??= (async () => {
    try {
      await resetPlatform();
      // The device's own settings (rule profile, 关怀模式) stay as the trainer set them.
      resetStores(['person']);
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
