import { DropdownMenu } from 'radix-ui';
import { useQueryClient } from '@tanstack/react-query';
import { signOut } from '../../api/auth';
import type { Session } from '../../api/session';
import styles from './menu.module.css';

/** Who is signed in, and Sign out. */
export function UserMenu({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  const email = session.user?.email ?? 'Signed in';
  const name = session.user?.name ?? '';
  // Menus are not modal: a modal menu injects a <style> tag to lock scrolling, which the
  // production CSP (style-src 'self') refuses.
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className={styles.trigger} aria-label={`Account: ${email}`}>
        <span className={styles.avatar} aria-hidden="true">
          {email.slice(0, 1)}
        </span>
        <span className={styles.triggerText}>{email}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className={styles.content} align="end" sideOffset={4}>
          <DropdownMenu.Label className={styles.label}>Signed in as</DropdownMenu.Label>
          <div className={styles.who}>
            <strong>{email}</strong>
            {name !== '' && name !== email && <span>{name}</span>}
          </div>
          <DropdownMenu.Separator className={styles.separator} />
          <DropdownMenu.Item
            className={styles.item}
            onSelect={() => {
              // The guard sees the session go and shows sign-in; nothing of this user stays cached.
              signOut();
              queryClient.clear();
            }}
          >
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
