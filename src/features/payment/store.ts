// 代缴城乡居民医保费: one payment per tap, however often the tap lands or a retry is needed.
import { create } from 'zustand';
import type { PaymentView } from '@domain/views';
import { asApiError } from '@/shared/api/types';
import { newRequestId } from '@/shared/lib/requestId';
import { resettable } from '@/shared/lib/resets';
import { listPayments } from './api/listPayments';
import { payPremium } from './api/payPremium';

interface PaymentState {
  bindingId: string;
  year: number | null;
  requestId: string | null;
  paying: boolean;
  notice: string | null;
  result: PaymentView | null;
  history: PaymentView[];
  choose: (patch: { bindingId?: string; year?: number | null }) => void;
  /** After 缴费成功: back to the choice, nothing chosen, so the same tap cannot be made again. */
  startOver: () => void;
  pay: () => Promise<boolean>;
  loadHistory: () => Promise<void>;
}

const initial = { bindingId: '', year: null, requestId: null, paying: false, notice: null, result: null, history: [] };

export const usePaymentStore = create<PaymentState>()((set, get) => ({
  ...initial,
  choose(patch) {
    set({ ...patch, requestId: null, notice: null, result: null });
  },
  startOver() {
    set({ bindingId: '', year: null, requestId: null, notice: null, result: null });
  },
  async pay() {
    const s = get();
    if (s.paying) return false;
    if (!s.bindingId || !s.year) {
      set({ notice: '请先选择缴费人员和缴费年度' });
      return false;
    }
    const requestId = s.requestId ?? newRequestId();
    set({ paying: true, requestId, notice: null });
    try {
      const result = await payPremium({ bindingId: s.bindingId, year: s.year, requestId });
      set({
        result,
        bindingId: '',
        year: null,
        requestId: null,
        history: [result, ...get().history.filter((p) => p.id !== result.id)],
      });
      return true;
    } catch (e) {
      set({ notice: asApiError(e).message });
      return false;
    } finally {
      set({ paying: false });
    }
  },
  async loadHistory() {
    set({ history: await listPayments() });
  },
}));

resettable('person', () => usePaymentStore.setState({ ...initial }));
