// What 填入示例 types for the trainer: the profile's own 张小明, whom every profile seeds as insured,
// so the demo always succeeds.
import type { FormField } from '@domain/types';
import { useBindFormStore } from '@/features/binding';
import { demoRelative } from '@domain/demo';
import type { RuleProfile } from '@domain/profiles';

export function fillExample(today: string, profile: Pick<RuleProfile, 'provincePrefix'>) {
  const person = demoRelative(profile);
  const example: Partial<Record<FormField, string>> = {
    name: person.name,
    idType: '居民身份证',
    idNumber: person.idNumber,
    phone: person.phone,
    relation: person.relation,
    startDate: today,
    endDate: '',
  };
  const form = useBindFormStore.getState();
  for (const [field, value] of Object.entries(example) as [FormField, string][]) {
    form.setField(field, value);
    form.touch(field);
  }
}
