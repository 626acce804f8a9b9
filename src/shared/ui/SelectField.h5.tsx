// H5: a native <select>, so the keyboard, screen readers and the phone's own picker all work.
import type { SelectFieldProps } from './SelectField';

export function SelectField({ name, label, value, options, placeholder = '请选择', onChange }: SelectFieldProps) {
  return (
    <select
      className={`picker-value picker-value--${name} native-field`}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    >
      {value ? null : <option value=''>{placeholder}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}
