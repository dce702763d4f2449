import { useId } from 'react';
import type { ReactNode } from 'react';
import type { Node } from '../../api/schemas/node';
import { Panel } from '../../components/panel';
import { formatTableDateTime } from '../../lib/clock-format';
import { formatBytes, formatPercent } from '../../lib/format-units';
import { formatAgo } from '../../lib/relative-time';
import { nodeUsage, share } from './node-usage';
import styles from './node-page.module.css';
import listStyles from './nodes.module.css';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className={styles.fact}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function orUnknown(value: string | number | null): ReactNode {
  return value === null || value === '' ? <span className={listStyles.muted}>unknown</span> : value;
}

function When({ iso, now }: { iso: string | null; now: number }) {
  if (iso === null) return <span className={listStyles.muted}>never</span>;
  const ms = Date.parse(iso);
  return (
    <time dateTime={iso} title={formatTableDateTime(iso)}>
      {Number.isFinite(ms) ? `${formatAgo(ms, now)} · ${formatTableDateTime(iso)}` : iso}
    </time>
  );
}

/** A used/total figure with a bar: the bar is decoration, the text says it all. */
function Meter({ label, percent, text }: { label: string; percent: number | null; text: string }) {
  return (
    <div className={styles.meter}>
      <div className={styles.meterHead}>
        <span className={styles.meterLabel}>{label}</span>
        <span className={styles.meterValue}>{text}</span>
      </div>
      <div className={styles.meterTrack} aria-hidden="true">
        <div
          className={styles.meterFill}
          data-level={percent === null ? 'none' : percent >= 90 ? 'high' : percent >= 75 ? 'warn' : 'ok'}
          style={{ width: `${Math.min(100, Math.max(0, percent ?? 0))}%` }}
        />
      </div>
    </div>
  );
}

/** Resource usage from the node's latest host sample, as `kontena node show` prints it. */
export function NodeUsagePanel({ node }: { node: Node }) {
  const headingId = useId();
  const usage = nodeUsage(node);
  const memPercent = share(usage.memUsed, usage.memTotal);
  const diskPercent = share(usage.diskUsed, usage.diskTotal);
  const filesystems = node.resource_usage?.filesystem ?? [];
  return (
    <Panel id={headingId} title="Resource usage" meta={node.resource_usage === undefined ? 'no sample reported yet' : 'latest sample'}>
      <div className={styles.meters}>
        <Meter
          label="CPU"
          percent={usage.cpuPercent}
          text={`${formatPercent(usage.cpuPercent)}${node.cpus !== null ? ` of ${node.cpus} CPU${node.cpus === 1 ? '' : 's'}` : ''}`}
        />
        <Meter
          label="Memory"
          percent={memPercent}
          text={`${formatPercent(memPercent)} · ${formatBytes(usage.memUsed)} of ${formatBytes(usage.memTotal)}`}
        />
        <Meter
          label="Disk"
          percent={diskPercent}
          text={`${formatPercent(diskPercent)} · ${formatBytes(usage.diskUsed)} of ${formatBytes(usage.diskTotal)}`}
        />
        <div className={styles.meter}>
          <div className={styles.meterHead}>
            <span className={styles.meterLabel}>Load</span>
            <span className={styles.meterValue}>
              {usage.load1 === null
                ? 'N/A'
                : [usage.load1, usage.load5, usage.load15].map((l) => (l === null ? '–' : l.toFixed(2))).join(' · ')}
            </span>
          </div>
          <span className={listStyles.sub}>1 min · 5 min · 15 min</span>
        </div>
      </div>
      {filesystems.length > 1 && (
        <ul className={styles.filesystems} aria-label="Filesystems">
          {filesystems.map((fs, i) => (
            <li key={`${String(fs.name)}-${i}`}>
              <code>{String(fs.name ?? 'filesystem')}</code> {formatBytes(typeof fs.used === 'number' ? fs.used : null)} of{' '}
              {formatBytes(typeof fs.total === 'number' ? fs.total : null)}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

const driverList = (drivers: Node['network_drivers']): string =>
  drivers.map((d) => (d.version === null ? d.name : `${d.name} ${d.version}`)).join(', ');

/** Everything else `kontena node show` prints: identity, versions, addresses, host. */
export function NodeDetailsPanel({ node, now }: { node: Node; now: number }) {
  const headingId = useId();
  return (
    <Panel id={headingId} title="Details">
      <dl className={styles.facts}>
        <Fact term="Agent version">{orUnknown(node.agent_version)}</Fact>
        <Fact term="Docker version">{orUnknown(node.docker_version)}</Fact>
        <Fact term="Public IP">{orUnknown(node.public_ip)}</Fact>
        <Fact term="Private IP">{orUnknown(node.private_ip)}</Fact>
        <Fact term="Overlay IP">{node.overlay_ip}</Fact>
        <Fact term="Node number">
          {node.node_number}
          {node.initial_member ? ` (initial member, of ${node.grid.initial_size})` : ''}
        </Fact>
        <Fact term="Last seen">
          <When iso={node.last_seen_at} now={now} />
        </Fact>
        <Fact term="Last connect">
          <When iso={node.updated_at} now={now} />
        </Fact>
        <Fact term="Created">
          <When iso={node.created_at} now={now} />
        </Fact>
        <Fact term="CPUs">{orUnknown(node.cpus)}</Fact>
        <Fact term="Memory">{node.mem_total === null ? orUnknown(null) : formatBytes(node.mem_total)}</Fact>
        <Fact term="OS">{orUnknown(node.os)}</Fact>
        <Fact term="Kernel">{orUnknown(node.kernel_version)}</Fact>
        <Fact term="Storage driver">{orUnknown(node.driver)}</Fact>
        <Fact term="Docker root">{orUnknown(node.engine_root_dir)}</Fact>
        <Fact term="Network drivers">{orUnknown(driverList(node.network_drivers))}</Fact>
        <Fact term="Volume drivers">{orUnknown(driverList(node.volume_drivers))}</Fact>
        <Fact term="Peers">{node.peer_ips.length === 0 ? orUnknown(null) : node.peer_ips.join(', ')}</Fact>
        <Fact term="Docker ID">
          <code className={styles.id}>{node.id}</code>
        </Fact>
      </dl>
    </Panel>
  );
}
