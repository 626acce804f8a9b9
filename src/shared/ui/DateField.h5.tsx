// H5: a native date input, usable with the keyboard and the phone's own date picker.
import type { DateFieldProps } from './DateField';

export function DateField({ name, label, value, onChange }: DateFieldProps) {
  return (
    <input
      type='date'
      className={`picker-value picker-value--${name} native-field native-field--date`}
      aria-label={label}
      min='2000-01-01'
      max='2099-12-31'
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
