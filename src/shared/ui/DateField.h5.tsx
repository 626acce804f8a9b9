// H5: the date is shown as 2026年11月23日 whatever the browser's locale; a native date input lies
// over it, invisible, so a tap opens the phone's own date picker (days before `min` greyed out) and
// the keyboard still works.
import { chineseDate } from '@domain/dates';
import type { DateFieldProps } from './DateField';

export function DateField({ name, label, value, min, placeholder, onChange }: DateFieldProps) {
  const shown = value ? chineseDate(value) : placeholder;
  return (
    <div className='picker-value date-field'>
      <span className={value ? 'date-field__text' : 'date-field__text placeholder'} aria-hidden>
        {shown}
      </span>
      <input
        type='date'
        className={`picker-value--${name} date-field__native`}
        aria-label={`${label}：${shown}`}
        min={min}
        max='2099-12-31'
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </div>
  );
}
