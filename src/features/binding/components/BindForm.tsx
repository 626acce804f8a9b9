import { Input, View } from '@tarojs/components';
import { addDays } from '@domain/dates';
import { useEffect } from 'react';
import { ID_TYPES } from '@domain/types';
import type { RuleProfile } from '@domain/profiles';
import { DateField } from '@/shared/ui/DateField';
import { Field } from '@/shared/ui/Field';
import { SelectField } from '@/shared/ui/SelectField';
import { Switch } from '@/shared/ui/Switch';
import { track } from '@/shared/telemetry/track';
import { useBindFormStore, useVisibleErrors, type FormField } from '../formStore';
import { commitField, noteValidFields } from '../mistakes';

interface Props {
  profile: RuleProfile;
  today: string;
}

/** The 使用人 part of 共济账户绑定: every field checked as the user leaves it. */
export function BindForm({ profile, today }: Props) {
  const values = useBindFormStore((s) => s.values);
  const { setField, touch, leave } = useBindFormStore.getState();
  const errors = useVisibleErrors({ today, profile });

  // Research sessions: a field error is logged once per mistake, at a commit point (see ../mistakes).
  useEffect(() => noteValidFields({ today, profile }), [values, today, profile]);

  const change = (field: FormField) => (e: { detail: { value: string } }) => setField(field, e.detail.value);
  const pick = (field: FormField, value: string) => {
    track({ type: 'field_focus', screen: 'bind', field });
    setField(field, value);
    touch(field);
    commitField(field, { today, profile });
  };
  const relations = profile.relations as readonly string[];
  const longTerm = !values.endDate;
  /** A typed field: checked when the user leaves it. */
  const text = (
    field: FormField,
    cls: string,
    label: string,
    placeholder: string,
    maxlength: number,
    type?: 'idcard' | 'number',
  ) => (
    <Input
      className={`input input--${cls}`}
      type={type}
      value={values[field]}
      placeholder={placeholder}
      maxlength={maxlength}
      aria-label={label}
      onInput={change(field)}
      onFocus={() => track({ type: 'field_focus', screen: 'bind', field })}
      onBlur={() => {
        leave(field);
        commitField(field, { today, profile });
      }}
    />
  );

  return (
    <View className='form'>
      <Field label='使用人姓名' required error={errors.name}>
        {text('name', 'name', '使用人姓名', '请输入证件上的姓名', 30)}
      </Field>

      <Field label='证件类型' required error={errors.idType}>
        <SelectField
          name='idtype'
          label='证件类型'
          value={values.idType}
          options={ID_TYPES}
          onChange={(v) => pick('idType', v)}
        />
      </Field>

      <Field label='证件号码' required error={errors.idNumber}>
        {text('idNumber', 'id', '证件号码', '请输入证件号码', 18, 'idcard')}
      </Field>

      <Field label='手机号码' required error={errors.phone}>
        {text('phone', 'phone', '手机号码', '请输入使用人手机号码', 11, 'number')}
      </Field>

      <Field label='与本人关系' required error={errors.relation} hint={`可选：${relations.join('、')}`}>
        <SelectField
          name='relation'
          label='与本人关系'
          value={values.relation}
          options={relations}
          onChange={(v) => pick('relation', v)}
        />
      </Field>

      <Field label='授权开始日期' required error={errors.startDate} hint='不能早于今天'>
        <DateField
          name='start'
          label='授权开始日期'
          value={values.startDate}
          initial={today}
          min={today}
          placeholder='请选择'
          onChange={(v) => pick('startDate', v)}
        />
      </Field>

      <Field
        label='授权终止日期'
        error={errors.endDate}
        hint={longTerm ? '长期有效：直到您解除绑定' : '终止日期当天起停止共济'}
      >
        <Switch
          className='switch-row--field'
          checked={longTerm}
          title='长期有效'
          onChange={(on) => pick('endDate', on ? '' : addDays(values.startDate || today, 365))}
        />
        {longTerm ? null : (
          <DateField
            name='end'
            label='授权终止日期'
            value={values.endDate}
            initial={values.startDate || today}
            min={addDays(values.startDate || today, 1)}
            placeholder='请选择'
            onChange={(v) => pick('endDate', v)}
          />
        )}
      </Field>
    </View>
  );
}
