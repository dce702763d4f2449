import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { DropdownMenu } from 'radix-ui';
import { serviceQuery } from '../../api/queries';
import type { ServiceAction } from '../../api/service-actions';
import { serviceDisplayName, serviceId } from '../../api/service-ref';
import type { ServiceRef } from '../../api/service-ref';
import { Button } from '../../components/button';
import { InDeploySlot } from '../../components/deploy-slot';
import { formatServicesPath } from '../../lib/format-path';
import { DeployPanel } from './deploy-panel';
import { useDeployPanels } from './deploy-panel-state';
import { RemoveDialog } from './remove-dialog';
import { ScaleDialog } from './scale-dialog';
import { useLifecycle } from './use-lifecycle';
import styles from './services.module.css';

type Pending = 'deploy' | 'force' | 'start' | 'stop' | 'restart' | null;

const busyText: Record<Exclude<Pending, null>, string> = {
  deploy: 'Deploying…',
  force: 'Deploying…',
  start: 'Starting…',
  stop: 'Stopping…',
  restart: 'Restarting…',
};

/**
 * The lifecycle commands in a service page's header: Deploy ▾ (with Force), Scale,
 * Start or Stop, Restart, ⋯ Remove; and the progress of the service's deploy or scale in
 * flight (started here, from the list, or from the Settings tab), one line in the place
 * the page reserved for it (components/deploy-slot).
 */
export function ServiceActions({ serviceRef }: { serviceRef: ServiceRef }) {
  const navigate = useNavigate();
  // Shown in the service page's header, whose layout polls this query: no timer of its own.
  const query = useQuery(serviceQuery(serviceRef));
  const service = query.data;
  const run = useLifecycle();
  const [pending, setPending] = useState<Pending>(null);
  const [dialog, setDialog] = useState<'scale' | 'remove' | null>(null);
  const deployMenuRef = useRef<HTMLButtonElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  const id = serviceId(serviceRef);
  const tracked = useDeployPanels().find((t) => t.serviceId === id && !t.dismissed);
  const name = serviceDisplayName(serviceRef);
  const busy = pending !== null;

  const act = (key: Exclude<Pending, null>, action: ServiceAction) => {
    setPending(key);
    run(serviceRef, action)
      .catch(() => undefined)
      .finally(() => setPending(null));
  };
  const label = (key: Exclude<Pending, null>, text: string) => (pending === key ? busyText[key] : text);
  const startable = service?.state === 'stopped' || service?.state === 'initialized';

  return (
    <div className={styles.actions}>
      <div className={styles.actionBar} role="group" aria-label={`Actions for ${name}`}>
        <div className={styles.split}>
          <Button variant="primary" onClick={() => act('deploy', { kind: 'deploy', force: false })} disabled={busy}>
            {label('deploy', 'Deploy')}
          </Button>
          <DropdownMenu.Root modal={false}>
            <DropdownMenu.Trigger asChild>
              <Button ref={deployMenuRef} variant="primary" aria-label="More deploy options" disabled={busy}>
                <span aria-hidden="true">▾</span>
              </Button>
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content className={styles.menu} align="start" sideOffset={4}>
                <DropdownMenu.Item className={styles.menuItem} onSelect={() => act('force', { kind: 'deploy', force: true })}>
                  {label('force', 'Force deploy')}
                  <span className={styles.menuHint}>Redeploy every instance, even unchanged</span>
                </DropdownMenu.Item>
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        </div>
        <Button onClick={() => setDialog('scale')} disabled={busy || service === undefined}>
          Scale
        </Button>
        {startable ? (
          <Button onClick={() => act('start', { kind: 'start' })} disabled={busy}>
            {label('start', 'Start')}
          </Button>
        ) : (
          <Button onClick={() => act('stop', { kind: 'stop' })} disabled={busy || service === undefined}>
            {label('stop', 'Stop')}
          </Button>
        )}
        <Button onClick={() => act('restart', { kind: 'restart' })} disabled={busy}>
          {label('restart', 'Restart')}
        </Button>
        <DropdownMenu.Root modal={false}>
          <DropdownMenu.Trigger asChild>
            <Button ref={moreRef} aria-label={`More actions for ${name}`} disabled={busy}>
              <span aria-hidden="true">⋯</span>
            </Button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className={styles.menu} align="end" sideOffset={4}>
              <DropdownMenu.Item className={`${styles.menuItem} ${styles.menuDanger}`} onSelect={() => setDialog('remove')}>
                Remove…
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </div>

      {tracked !== undefined && (
        // In the place the page's header keeps for it: the header never grows or shrinks with it.
        <InDeploySlot>
          <DeployPanel key={tracked.deployId} entry={tracked} />
        </InDeploySlot>
      )}

      {dialog === 'scale' && service !== undefined && (
        <ScaleDialog
          name={name}
          current={service.instances}
          strategy={service.strategy}
          onScale={(instances) => run(serviceRef, { kind: 'scale', instances }, { toastOnError: false })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'remove' && (
        <RemoveDialog
          names={[name]}
          onRemove={() =>
            run(serviceRef, { kind: 'remove' }, { toastOnError: false }).then(() => navigate(formatServicesPath(serviceRef.grid)))
          }
          onClose={() => setDialog(null)}
          returnFocusTo={() => moreRef.current}
        />
      )}
    </div>
  );
}
