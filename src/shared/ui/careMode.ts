// 关怀模式 (elder-friendly mode): one switch on 服务大厅, remembered on the device.
import Taro from '@tarojs/taro';
import { create } from 'zustand';
import { resettable } from '../lib/resets';

const KEY = 'care-mode';

interface CareState {
  on: boolean;
  restore: () => void;
  toggle: () => void;
}

export const useCareModeStore = create<CareState>()((set, get) => ({
  on: false,
  restore() {
    set({ on: Taro.getStorageSync(KEY) === '1' });
  },
  toggle() {
    const on = !get().on;
    Taro.setStorageSync(KEY, on ? '1' : '0');
    set({ on });
  },
}));

resettable('device', () => useCareModeStore.setState({ on: false }));
