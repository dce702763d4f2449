import type { ButtonHTMLAttributes, Ref } from 'react';
import { cx } from './class-names';
import styles from './button.module.css';

type ButtonVariant = 'primary' | 'secondary' | 'ghost';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  ref?: Ref<HTMLButtonElement>;
}

/** The one button look of the app; type defaults to "button" so nothing submits by accident. */
export function Button({ variant = 'secondary', size = 'md', className, type = 'button', ref, ...rest }: ButtonProps) {
  return (
    <button ref={ref} type={type} className={cx(styles.button, styles[variant], size === 'sm' && styles.small, className)} {...rest} />
  );
}

/** Class names for links that should look like buttons. */
export function buttonClassName(variant: ButtonVariant = 'secondary', size: 'sm' | 'md' = 'md'): string {
  return cx(styles.button, styles[variant], size === 'sm' && styles.small);
}
