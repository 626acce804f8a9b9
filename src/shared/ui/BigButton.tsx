import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';
import { settling } from './tapGuard';

export interface BigButtonProps {
  children: ReactNode;
  onClick: () => void;
  kind?: 'primary' | 'secondary' | 'danger' | 'link';
  disabled?: boolean;
  loading?: boolean;
  className?: string;
}

/** Full-width button, at least 60 dp tall; ignores taps while disabled or busy (H5: BigButton.h5.tsx). */
export function BigButton({ children, onClick, kind = 'primary', disabled, loading, className = '' }: BigButtonProps) {
  const inactive = !!disabled || !!loading;
  return (
    <Button
      className={`big-button big-button--${kind} ${inactive ? 'big-button--inactive' : ''} ${className}`}
      disabled={inactive}
      loading={loading}
      aria-disabled={inactive}
      onClick={() => {
        if (!inactive && !settling()) onClick();
      }}
    >
      {children}
    </Button>
  );
}
