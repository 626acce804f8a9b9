// What 填入示例 types for the trainer: a seeded relative who can be bound, so the demo always succeeds.
import type { FormField } from '@/features/binding/formStore';
import { useBindFormStore } from '@/features/binding/formStore';
import { SEED_IDS } from '@mock/platform/seedIds';

export function fillExample(today: string) {
  const example: Partial<Record<FormField, string>> = {
    name: '张小明',
    idType: '居民身份证',
    idNumber: SEED_IDS.zhangXiaoming,
    phone: '13804510011',
    relation: '子女',
    startDate: today,
    endDate: '',
  };
  const form = useBindFormStore.getState();
  for (const [field, value] of Object.entries(example) as [FormField, string][]) {
    form.setField(field, value);
    form.touch(field);
  }
}
