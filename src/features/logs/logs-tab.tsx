// xterm's stylesheet loads with this route only; the first route never carries it.
import '@xterm/xterm/css/xterm.css';
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { containerSummariesQuery, serviceQuery } from '../../api/queries';
import { Banner } from '../../components/banner';
import { Button } from '../../components/button';
import { useContainersPoll } from '../../components/containers-poll';
import { Spinner } from '../../components/spinner';
import { useServiceRef } from '../../components/use-service-ref';
import { formatGridLogsPath, formatStackLogsPath } from '../../lib/format-path';
import { driverStreamsToMaster } from './log-drivers';
import type { LogScope } from '../../api/logs';
import { LogViewer } from './log-viewer';
import type { KnownContainer } from './log-viewer';
import styles from './log-viewer.module.css';

/** How often the instance chips refresh from the containers list where no layout polls it. */
const CONTAINERS_POLL_MS = 15_000;

/** The service page's Logs tab. */
export function LogsTab() {
  const ref = useServiceRef();
  const { grid, stack, name } = ref;
  const scope = useMemo((): LogScope => ({ kind: 'service', ref: { grid, stack, name } }), [grid, stack, name]);
  const service = useQuery(serviceQuery(ref));
  // The service page's layout polls the containers for every tab; alone, poll them here.
  const layoutPolls = useContainersPoll(undefined);
  const containers = useQuery({ ...containerSummariesQuery(ref), refetchInterval: layoutPolls ? undefined : CONTAINERS_POLL_MS });
  const [showAnyway, setShowAnyway] = useState(false);

  const known = useMemo(
    (): KnownContainer[] =>
      (containers.data ?? [])
        .filter((c) => c.deleted_at === null)
        .map((c) => ({ name: c.name, instance: c.instance_number, running: c.status === 'running' })),
    [containers.data],
  );

  if (service.isPending) return <Spinner label="Loading the service…" />;
  const driver = service.data?.log_driver ?? null;
  if (!driverStreamsToMaster(driver) && !showAnyway) {
    return (
      <Banner
        tone="info"
        title="Real-time logs are not available for this service"
        actions={<Button onClick={() => setShowAnyway(true)}>Show what the master holds</Button>}
      >
        It logs through the <code>{driver}</code> log driver, so its output goes to that driver’s destination and not to the Kontena Master.
        Only the default <code>json-file</code> (or <code>journald</code>, <code>local</code>) driver lets the master tail a service’s logs.
      </Banner>
    );
  }
  return (
    <>
      <p className={styles.wider}>
        {stack !== 'null' && (
          <>
            <Link to={formatStackLogsPath(grid, stack)}>All logs of stack {stack}</Link>
            {' · '}
          </>
        )}
        <Link to={formatGridLogsPath(grid)}>All logs of grid {grid}</Link>
      </p>
      <LogViewer key={`${grid}/${stack}/${name}`} scope={scope} known={known} />
    </>
  );
}
