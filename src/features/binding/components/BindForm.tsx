import { Input, Picker, Text, View } from '@tarojs/components';
import { tap } from '@/shared/ui/tap';
import { ID_TYPES } from '@platform/types';
import type { RuleProfile } from '@platform/profiles';
import { Field } from '@/shared/ui/Field';
import { useBindForm, visibleErrors, type FormField } from '../formStore';

interface Props {
  profile: RuleProfile;
  today: string;
}

/** The 使用人 part of 共济账户绑定: every field checked as the user leaves it. */
export function BindForm({ profile, today }: Props) {
  const values = useBindForm((s) => s.values);
  const touched = useBindForm((s) => s.touched);
  const serverErrors = useBindForm((s) => s.serverErrors);
  const { setField, touch } = useBindForm.getState();
  const errors = visibleErrors({ values, touched, serverErrors }, { today, profile });

  const change = (field: FormField) => (e: { detail: { value: string } }) => setField(field, e.detail.value);
  const pick = (field: FormField, value: string) => {
    setField(field, value);
    touch(field);
  };
  const relations = profile.relations as readonly string[];

  return (
    <View className='form'>
      <Field label='使用人姓名' required error={errors.name}>
        <Input
          className='input input--name'
          value={values.name}
          placeholder='请输入证件上的姓名'
          maxlength={30}
          aria-label='使用人姓名'
          onInput={change('name')}
          onBlur={() => touch('name')}
        />
      </Field>

      <Field label='证件类型' required error={errors.idType}>
        <Picker
          mode='selector'
          range={ID_TYPES as unknown as string[]}
          value={Math.max(0, ID_TYPES.indexOf(values.idType))}
          onChange={(e) => pick('idType', ID_TYPES[Number(e.detail.value)])}
        >
          <View className='picker-value picker-value--idtype' role='button' aria-label={`证件类型：${values.idType}`}>
            <Text>{values.idType}</Text>
            <Text className='picker-value__arrow' aria-hidden>›</Text>
          </View>
        </Picker>
      </Field>

      <Field label='证件号码' required error={errors.idNumber}>
        <Input
          className='input input--id'
          type='idcard'
          value={values.idNumber}
          placeholder='请输入证件号码'
          maxlength={18}
          aria-label='证件号码'
          onInput={change('idNumber')}
          onBlur={() => touch('idNumber')}
        />
      </Field>

      <Field label='手机号码' required error={errors.phone}>
        <Input
          className='input input--phone'
          type='number'
          value={values.phone}
          placeholder='请输入使用人手机号码'
          maxlength={11}
          aria-label='手机号码'
          onInput={change('phone')}
          onBlur={() => touch('phone')}
        />
      </Field>

      <Field label='与本人关系' required error={errors.relation} hint={`可选：${relations.join('、')}`}>
        <Picker
          mode='selector'
          range={relations as string[]}
          value={Math.max(0, relations.indexOf(values.relation))}
          onChange={(e) => pick('relation', relations[Number(e.detail.value)])}
        >
          <View className='picker-value picker-value--relation' role='button' aria-label={`与本人关系：${values.relation || '请选择'}`}>
            <Text className={values.relation ? '' : 'placeholder'}>{values.relation || '请选择'}</Text>
            <Text className='picker-value__arrow' aria-hidden>›</Text>
          </View>
        </Picker>
      </Field>

      <Field label='授权开始日期' required error={errors.startDate} hint='不能早于今天'>
        <Picker mode='date' value={values.startDate || today} start='2000-01-01' end='2099-12-31' onChange={(e) => pick('startDate', e.detail.value)}>
          <View className='picker-value picker-value--start' role='button' aria-label={`授权开始日期：${values.startDate || '请选择'}`}>
            <Text className={values.startDate ? '' : 'placeholder'}>{values.startDate || '请选择'}</Text>
            <Text className='picker-value__arrow' aria-hidden>›</Text>
          </View>
        </Picker>
      </Field>

      <Field label='授权终止日期（可不填）' error={errors.endDate} hint='不填表示长期有效；终止日期当天起停止共济'>
        <View className='date-row'>
          <Picker
            mode='date'
            value={values.endDate || values.startDate || today}
            start='2000-01-01'
            end='2099-12-31'
            onChange={(e) => pick('endDate', e.detail.value)}
          >
            <View className='picker-value picker-value--end' role='button' aria-label={`授权终止日期：${values.endDate || '长期有效'}`}>
              <Text className={values.endDate ? '' : 'placeholder'}>{values.endDate || '长期有效'}</Text>
              <Text className='picker-value__arrow' aria-hidden>›</Text>
            </View>
          </Picker>
          {values.endDate ? (
            <View className='text-button' role='button' aria-label='清除终止日期' {...tap(() => pick('endDate', ''))}>
              <Text>清除</Text>
            </View>
          ) : null}
        </View>
      </Field>
    </View>
  );
}
