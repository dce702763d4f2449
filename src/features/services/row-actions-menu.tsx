import { DropdownMenu } from 'radix-ui';
import type { ServiceState } from '../../api/schemas/service';
import type { RowActionKind } from './row-actions';
import styles from './services.module.css';

interface RowActionsMenuProps {
  label: string;
  state: ServiceState;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onAction: (kind: RowActionKind) => void;
  tabIndex: number;
}

/**
 * The ⋯ menu of one row: every lifecycle command for that service. Not modal: a modal
 * Radix menu injects a <style> to lock scrolling, which the production CSP refuses.
 */
export function RowActionsMenu({ label, state, open, onOpenChange, onAction, tabIndex }: RowActionsMenuProps) {
  return (
    <DropdownMenu.Root modal={false} open={open} onOpenChange={onOpenChange}>
      <DropdownMenu.Trigger className={styles.menuButton} aria-label={`Actions for ${label}`} tabIndex={tabIndex}>
        <span aria-hidden="true">⋯</span>
      </DropdownMenu.Trigger>
      {open && (
        <DropdownMenu.Portal>
          <DropdownMenu.Content className={styles.menu} align="end" sideOffset={4} aria-label={`Actions for ${label}`}>
            <ServiceActionItems state={state} onAction={onAction} />
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      )}
    </DropdownMenu.Root>
  );
}

/** The items of a row's actions menu; start and stop are offered when the state allows them. */
function ServiceActionItems({ state, onAction }: { state: ServiceState; onAction: (kind: RowActionKind) => void }) {
  return (
    <>
      <DropdownMenu.Item className={styles.menuItem} onSelect={() => onAction('deploy')}>
        Deploy
      </DropdownMenu.Item>
      <DropdownMenu.Item className={styles.menuItem} onSelect={() => onAction('force-deploy')}>
        Force deploy
        <span className={styles.menuHint}>Redeploy every instance, even unchanged</span>
      </DropdownMenu.Item>
      <DropdownMenu.Item className={styles.menuItem} onSelect={() => onAction('scale')}>
        Scale…
      </DropdownMenu.Item>
      <DropdownMenu.Separator className={styles.menuSeparator} />
      <DropdownMenu.Item className={styles.menuItem} disabled={state === 'running'} onSelect={() => onAction('start')}>
        Start
      </DropdownMenu.Item>
      <DropdownMenu.Item className={styles.menuItem} disabled={state === 'stopped'} onSelect={() => onAction('stop')}>
        Stop
      </DropdownMenu.Item>
      <DropdownMenu.Item className={styles.menuItem} onSelect={() => onAction('restart')}>
        Restart
      </DropdownMenu.Item>
      <DropdownMenu.Separator className={styles.menuSeparator} />
      <DropdownMenu.Item className={`${styles.menuItem} ${styles.menuDanger}`} onSelect={() => onAction('remove')}>
        Remove…
      </DropdownMenu.Item>
    </>
  );
}
