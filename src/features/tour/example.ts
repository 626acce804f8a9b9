// What 填入示例 types for the trainer: 张小明, a relative the seed data has insured and unbound, so the
// demo always succeeds. The app keeps its own copy (it never imports the simulator's seed); the tour's
// screen test binds with it against the seed, so the two cannot drift apart unnoticed.
import type { FormField } from '@domain/types';
import { useBindFormStore } from '@/features/binding';

export const EXAMPLE_RELATIVE = {
  name: '张小明',
  idType: '居民身份证',
  idNumber: '230102200306081016',
  phone: '13804510011',
  relation: '子女',
} as const;

export function fillExample(today: string) {
  const example: Record<FormField, string> = { ...EXAMPLE_RELATIVE, startDate: today, endDate: '' };
  const form = useBindFormStore.getState();
  for (const [field, value] of Object.entries(example) as [FormField, string][]) {
    form.setField(field, value);
    form.touch(field);
  }
}
