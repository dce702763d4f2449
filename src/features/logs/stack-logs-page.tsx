// xterm's stylesheet loads with the log routes only.
import '@xterm/xterm/css/xterm.css';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import type { LogScope } from '../../api/logs';
import { LogViewer } from './log-viewer';

/** Logs of every service of a stack (`/v1/stacks/G/S/container_logs`); route: `/grids/:grid/stacks/:stack/logs`. */
export function StackLogsPage() {
  const { grid = '', stack = '' } = useParams();
  const scope = useMemo((): LogScope => ({ kind: 'stack', grid, stack }), [grid, stack]);
  return (
    <>
      <h1>Logs of stack {stack}</h1>
      <LogViewer key={`${grid}/${stack}`} scope={scope} />
    </>
  );
}
