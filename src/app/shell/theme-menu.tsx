import { DropdownMenu } from 'radix-ui';
import { THEME_CHOICES, isThemeChoice, setThemeChoice, useThemeChoice } from '../theme';
import type { ThemeChoice } from '../theme';
import styles from './menu.module.css';

const labels: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** System (follows the OS), light or dark; remembered on this device. */
export function ThemeMenu() {
  const choice = useThemeChoice();
  // Menus are not modal: a modal menu injects a <style> tag to lock scrolling, which the
  // production CSP (style-src 'self') refuses.
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className={styles.trigger} aria-label={`Theme: ${labels[choice]}`}>
        <svg className={styles.themeIcon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="6.25" stroke="currentColor" strokeWidth="1.5" fill="none" />
          <path d="M8 1.75a6.25 6.25 0 0 1 0 12.5Z" fill="currentColor" />
        </svg>
        <span className={styles.triggerText}>{labels[choice]}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className={styles.content} align="end" sideOffset={4}>
          <DropdownMenu.Label className={styles.label}>Theme</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={choice}
            onValueChange={(value) => {
              if (isThemeChoice(value)) setThemeChoice(value);
            }}
          >
            {THEME_CHOICES.map((c) => (
              <DropdownMenu.RadioItem key={c} value={c} className={styles.item}>
                <DropdownMenu.ItemIndicator className={styles.indicator}>✓</DropdownMenu.ItemIndicator>
                {c === 'system' ? 'System (follow the device)' : labels[c]}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
