import { create } from 'zustand';
import type { BindingView } from '@domain/views';
import { ApiError } from '@/shared/api/types';
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

const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : '系统繁忙，请稍后重试');

export const useRecordsStore = create<RecordsState>()((set, get) => ({
  ...initial,
  async load() {
    set({ loading: true, error: null });
    try {
      set({ list: await listBindings(), loaded: true });
    } catch (e) {
      set({ error: messageOf(e) });
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
      return { ok: false, message: messageOf(e) };
    } finally {
      set({ unbindingId: null });
    }
  },
}));

export const resetRecords = () => useRecordsStore.setState({ ...initial });
