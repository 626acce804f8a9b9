import { create } from 'zustand';
import type { BindingView } from '@domain/views';
import { asApiError } from '@/shared/api/types';
import { resettable } from '@/shared/lib/resets';
import { listBindings } from './api/listBindings';
import { unbindBinding } from './api/unbindBinding';

interface RecordsState {
  list: BindingView[];
  loading: boolean;
  loaded: boolean;
  error: string | null;
  unbindingId: string | null;
  load: () => Promise<void>;
  unbind: (id: string) => Promise<{ ok: boolean; message: string }>;
}

const initial = { list: [], loading: false, loaded: false, error: null, unbindingId: null };

export const useRecordsStore = create<RecordsState>()((set, get) => ({
  ...initial,
  async load() {
    set({ loading: true, error: null });
    try {
      set({ list: await listBindings(), loaded: true });
    } catch (e) {
      set({ error: asApiError(e).message });
      throw e;
    } finally {
      set({ loading: false });
    }
  },
  async unbind(id) {
    if (get().unbindingId) return { ok: false, message: '正在处理，请稍候' };
    set({ unbindingId: id });
    try {
      const updated = await unbindBinding(id);
      set({ list: get().list.map((b) => (b.id === id ? updated : b)) });
      return { ok: true, message: '已解除绑定' };
    } catch (e) {
      return { ok: false, message: asApiError(e).message };
    } finally {
      set({ unbindingId: null });
    }
  },
}));

resettable('person', () => useRecordsStore.setState({ ...initial }));
