// xterm's stylesheet loads with the log routes only.
import '@xterm/xterm/css/xterm.css';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import type { LogScope } from '../../api/logs';
import { LogViewer } from './log-viewer';

/** Logs of every service of a grid (`/v1/grids/G/container_logs`); route: `/grids/:grid/logs`. */
export function GridLogsPage() {
  const { grid = '' } = useParams();
  const scope = useMemo((): LogScope => ({ kind: 'grid', grid }), [grid]);
  return (
    <>
      <h1>Logs of grid {grid}</h1>
      <LogViewer key={grid} scope={scope} />
    </>
  );
}
