import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import { getLogs } from '../../api/logs';
import type { LogScope } from '../../api/logs';
import { Banner } from '../../components/banner';
import { Button } from '../../components/button';
import { StatusBadge } from '../../components/status-badge';
import type { StatusTone } from '../../components/status-badge';
import type { TerminalHandle } from '../../components/terminal-host';
import { TerminalView } from '../../components/terminal-view';
import { URL_VIEW_STATE } from '../../components/url-view-state';
import { heldLogLine, instanceNumberOf, LEVEL_TAGS, STDERR_MARK, STDOUT_MARK } from '../../lib/log-line-format';
import { MAX_LINES, parseLogViewOptions, resolveSince, writeLogViewOptions } from '../../lib/log-view-options';
import type { LogViewOptions } from '../../lib/log-view-options';
import { InstanceChips } from './instance-chips';
import type { ChipChoice } from './instance-chips';
import { createLogController } from './log-controller';
import type { ConnectionStatus } from './log-status';
import { inView } from './log-view-filter';
import { LogDownload } from './log-download';
import { LogQueryBar } from './log-query-bar';
import { LogSearch } from './log-search';
import { scopeFileLabel, scopeTitle } from './log-scope';
import styles from './log-viewer.module.css';

/** A container the page knows about besides those seen in the stream (e.g. from the containers list). */
export interface KnownContainer {
  name: string;
  instance: number | null;
  running: boolean;
}

interface LogViewerProps {
  /** Keep the object stable between renders (useMemo): a new scope restarts the stream. */
  scope: LogScope;
  known?: readonly KnownContainer[];
}

const CONNECTION: Record<ConnectionStatus, { tone: StatusTone; label: string }> = {
  idle: { tone: 'neutral', label: 'idle' },
  loading: { tone: 'info', label: 'loading…' },
  connecting: { tone: 'info', label: 'connecting…' },
  live: { tone: 'ok', label: 'live' },
  reconnecting: { tone: 'warn', label: 'reconnecting…' },
  paused: { tone: 'neutral', label: 'paused' },
  error: { tone: 'danger', label: 'stopped' },
};

const EMPTY: readonly KnownContainer[] = [];

/**
 * `kontena service logs` in the browser: an xterm.js view fed straight from the
 * stream (see log-controller.ts); the options live in the URL.
 */
export function LogViewer({ scope, known = EMPTY }: LogViewerProps) {
  const [params, setParams] = useSearchParams();
  const options = useMemo(() => parseLogViewOptions(params), [params]);
  const update = useCallback(
    (patch: Partial<LogViewOptions>) => setParams((prev) => writeLogViewOptions(prev, patch), URL_VIEW_STATE),
    [setParams],
  );
  const [controller] = useState(() => createLogController());
  const status = useSyncExternalStore(controller.subscribe, controller.getStatus);

  const isService = scope.kind === 'service';
  // One instance is filtered by the master, like `--instance`; several are filtered here.
  const serverInstance = isService && options.instances.length === 1 ? options.instances[0] : undefined;
  const instancesKey = options.instances.join(',');
  const containersKey = options.containers.join('\n');
  const grep = options.grep ? options.query.toLowerCase() : '';

  const viewFilters = useMemo(
    () => ({
      instances: isService && instancesKey.includes(',') ? new Set(instancesKey.split(',').map(Number)) : null,
      containers: !isService && containersKey !== '' ? new Set(containersKey.split('\n')) : null,
    }),
    [isService, instancesKey, containersKey],
  );

  useEffect(() => {
    controller.setView({ timestamps: options.timestamps, grep, scrollback: options.scrollback, ...viewFilters });
  }, [controller, options.timestamps, grep, options.scrollback, viewFilters]);

  useEffect(() => {
    controller.start({ scope, lines: options.lines, since: options.since, instance: serverInstance, follow: options.follow });
  }, [controller, scope, options.lines, options.since, serverInstance, options.follow]);

  useEffect(() => () => controller.dispose(), [controller]);

  // A new search starts from the newest lines, where a log reader looks first.
  useEffect(() => {
    controller.search(options.query, 'previous');
  }, [controller, options.query, grep]);

  const onTerminal = useCallback(
    (handle: TerminalHandle | null) => {
      if (handle) controller.attach(handle);
      else controller.detach();
    },
    [controller],
  );

  const chips = useMemo((): ChipChoice[] => {
    const byValue = new Map<string, ChipChoice>();
    for (const c of known) {
      const value = isService ? (c.instance === null ? null : String(c.instance)) : c.name;
      if (value !== null) byValue.set(value, { name: c.name, value, stopped: !c.running });
    }
    for (const name of status.names) {
      const n = instanceNumberOf(name);
      const value = isService ? (n === null ? null : String(n)) : name;
      if (value !== null && !byValue.has(value)) byValue.set(value, { name, value, stopped: isService && known.length > 0 });
    }
    return [...byValue.values()].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  }, [known, status.names, isService]);

  const selected = useMemo(
    () => new Set(isService ? options.instances.map(String) : options.containers),
    [isService, options.instances, options.containers],
  );

  const fetchWindow = useCallback(async () => {
    const logs = await getLogs(scope, { limit: MAX_LINES, since: resolveSince(options.since, Date.now()), instance: serverInstance });
    return logs.map(heldLogLine).filter((line) => inView(line, { ...viewFilters, grep: '' }));
  }, [scope, options.since, serverInstance, viewFilters]);

  const following = status.connection !== 'paused' && status.connection !== 'error' && options.follow;
  const title = scopeTitle(scope);
  const connection = CONNECTION[status.connection];
  // Why it is reconnecting (cut, silent, refused), for whoever wonders.
  const reconnectReason = status.connection === 'reconnecting' ? (status.error ?? undefined) : undefined;

  return (
    <section className={styles.viewer} aria-label={`Logs of ${title}`}>
      <div className={styles.top}>
        <LogQueryBar options={options} onChange={update} />
        {/* Beside the query, where a status that changes width ("live", "reconnecting…") never rewraps the controls and moves the terminal. */}
        <span className={styles.status}>
          <span role="status" aria-label={`Stream ${connection.label}`} title={reconnectReason}>
            <StatusBadge tone={connection.tone} label={connection.label} />
          </span>
          <span>
            {status.held.toLocaleString('en-US')} {status.held === 1 ? 'line' : 'lines'} held
            {status.skipped > 0 && `, ${status.skipped.toLocaleString('en-US')} scrolled past unseen`}
          </span>
        </span>
      </div>
      <InstanceChips
        label={isService ? 'Instances' : 'Containers'}
        choices={chips}
        selected={selected}
        onChange={(values) => (isService ? update({ instances: values.map(Number) }) : update({ containers: values }))}
        colourOf={controller.colourOf}
      />
      <div className={styles.bar}>
        <Button
          onClick={() => update({ follow: !options.follow })}
          aria-pressed={!options.follow}
          title={options.follow ? 'Stop the stream; Resume goes on from the last line' : 'Follow the stream again from the last line'}
        >
          {options.follow ? 'Pause' : 'Resume'}
        </Button>
        <Button onClick={() => controller.clear()} title="Empty the view; the stream goes on">
          Clear
        </Button>
        <LogSearch
          query={options.query}
          grep={options.grep}
          results={status.search}
          onQuery={(q) => update({ query: q })}
          onGrep={(on) => update({ grep: on })}
          onFind={(direction) => controller.search(options.query, direction)}
        />
        <span className={styles.spacer} />
        <LogDownload fileLabel={scopeFileLabel(scope)} shownLines={controller.shownLines} fetchWindow={fetchWindow} />
      </div>
      {status.connection === 'error' && (
        <Banner
          tone="danger"
          role="alert"
          title="The log stream stopped"
          actions={<Button onClick={() => controller.retry()}>Retry</Button>}
        >
          {status.error}
        </Banner>
      )}
      <div className={styles.screen}>
        <TerminalView
          label={`Log output of ${title}. Page Up, Page Down, Home and End scroll.`}
          scrollback={options.scrollback}
          onTerminal={onTerminal}
          className={styles.terminal}
        />
        {status.held === 0 && (status.connection === 'live' || status.connection === 'paused') && (
          <p className={styles.empty}>No log lines in this window{following ? ' yet — new lines appear here as they are logged.' : '.'}</p>
        )}
        {!status.atBottom && (
          <Button variant="primary" className={styles.jump} onClick={() => controller.jumpToEnd()}>
            {status.newBelow > 0
              ? `${status.newBelow.toLocaleString('en-US')} new ${status.newBelow === 1 ? 'line' : 'lines'} — jump to end`
              : 'Jump to end'}
          </Button>
        )}
      </div>
      <p className={styles.legend}>
        <code>{STDOUT_MARK}</code> stdout · <code>{STDERR_MARK}</code> stderr (red) · JSON lines show their level (
        <code>{LEVEL_TAGS.warn.tag.trim()}</code>, <code>{LEVEL_TAGS.error.tag}</code>…) · lines are merged in time order; one that arrives
        after later ones is marked <code>late</code> · lines keep their own colours; cursor moves, titles and other control sequences are
        removed.
      </p>
    </section>
  );
}
