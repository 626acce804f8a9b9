import { Text, View } from '@tarojs/components';
import { SelectField } from '@/shared/ui/SelectField';
import { monthLabel, type UsageFilter } from '../summary';

const ALL_PEOPLE = '全部亲属';
const ALL_MONTHS = '全部月份';

interface Props {
  filter: UsageFilter;
  relatives: { key: string; label: string }[];
  months: string[];
  onChange: (patch: Partial<UsageFilter>) => void;
}

/** 按亲属 and 按月份: a native picker each, the whole history being one choice in both. */
export function UsageFilters({ filter, relatives, months, onChange }: Props) {
  const personLabel = relatives.find((r) => r.key === filter.relative)?.label ?? ALL_PEOPLE;
  // A month chosen before a failed request keeps its place even if no list holds it yet.
  const monthList = filter.month && !months.includes(filter.month) ? [filter.month, ...months] : months;
  return (
    <View className='usage-filters'>
      <View className='usage-filters__item'>
        <Text className='usage-filters__label'>按亲属查看</Text>
        <SelectField
          name='usage-relative'
          label='按亲属查看'
          value={personLabel}
          options={[ALL_PEOPLE, ...relatives.map((r) => r.label)]}
          onChange={(label) => onChange({ relative: relatives.find((r) => r.label === label)?.key ?? '' })}
        />
      </View>
      <View className='usage-filters__item'>
        <Text className='usage-filters__label'>按月份查看</Text>
        <SelectField
          name='usage-month'
          label='按月份查看'
          value={filter.month ? monthLabel(filter.month) : ALL_MONTHS}
          options={[ALL_MONTHS, ...monthList.map(monthLabel)]}
          onChange={(label) => onChange({ month: monthList.find((m) => monthLabel(m) === label) ?? '' })}
        />
      </View>
    </View>
  );
}
