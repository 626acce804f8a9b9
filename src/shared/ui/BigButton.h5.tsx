// H5: a native <button>, so it is reachable with Tab and pressed with Enter or Space.
import type { BigButtonProps } from './BigButton';
import { settling } from './tapGuard';

export function BigButton({ children, onClick, kind = 'primary', disabled, loading, className = '' }: BigButtonProps) {
  const inactive = !!disabled || !!loading;
  return (
    <button
      type='button'
      className={`big-button big-button--${kind} ${inactive ? 'big-button--inactive' : ''} ${className}`}
      aria-disabled={inactive}
      aria-busy={!!loading}
      onClick={() => {
        if (!inactive && !settling()) onClick();
      }}
    >
      {children}
    </button>
  );
}
