import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Service } from '../../api/schemas/service';
import { NULL_STACK, refOfService } from '../../api/service-ref';
import { BreakableName } from '../../components/breakable-name';
import { cx } from '../../components/class-names';
import { HealthBadge } from '../../components/health-badge';
import { Panel, PanelTable } from '../../components/panel';
import { ServiceStateBadge } from '../../components/service-state-badge';
import { formatTableDateTime } from '../../lib/clock-format';
import { formatVolumesPath } from '../../lib/format-grid-paths';
import { formatInstanceSummary } from '../../lib/format-instances';
import { formatCmd } from '../../lib/options/cmd';
import { formatRelativeTime } from '../../lib/options/deploy';
import { formatMemory, formatMemoryHuman } from '../../lib/options/memory';
import { parseVolume } from '../../lib/options/volumes';
import type { ServiceHealth } from '../../lib/service-health';
import styles from './overview.module.css';

function Fact({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={cx(styles.fact, wide && styles.factWide)}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function None({ text = 'none' }: { text?: string }) {
  return <span className={styles.muted}>{text}</span>;
}

function Mono({ children }: { children: ReactNode }) {
  return <span className={styles.mono}>{children}</span>;
}

function Chips({ items, empty = 'none' }: { items: readonly string[]; empty?: string }) {
  if (items.length === 0) return <None text={empty} />;
  return (
    <ul className={styles.inlineList}>
      {items.map((item, i) => (
        <li key={`${i}:${item}`} className={styles.chip}>
          {item}
        </li>
      ))}
    </ul>
  );
}

/** A named volume links to the grid's volumes page with its row marked (`?volume=NAME`). */
function VolumeChips({ service }: { service: Service }) {
  if (service.volumes.length === 0) return <None />;
  const { grid } = refOfService(service);
  return (
    <ul className={styles.inlineList}>
      {service.volumes.map((item, i) => {
        const spec = parseVolume(item);
        const volume = spec.ok && spec.value.kind === 'named' ? spec.value.volume : null;
        return (
          <li key={`${i}:${item}`} className={styles.chip}>
            {volume === null ? item : <Link to={`${formatVolumesPath(grid)}?${new URLSearchParams({ volume }).toString()}`}>{item}</Link>}
          </li>
        );
      })}
    </ul>
  );
}

function Time({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={iso}>
      {formatTableDateTime(iso)}
    </time>
  );
}

function Memory({ bytes }: { bytes: number | null }) {
  if (bytes === null) return <None text="unlimited" />;
  const cli = formatMemory(bytes);
  const human = formatMemoryHuman(bytes);
  return (
    <>
      {human} <span className={styles.muted}>({cli === String(bytes) ? `${bytes} bytes` : cli})</span>
    </>
  );
}

/** Identity, state and rollout settings: the head of `kontena service show`. */
export function SummaryFacts({ service }: { service: Service }) {
  const stack = service.stack.name === NULL_STACK ? 'default stack (null)' : service.stack.name;
  const { deploy_opts: opts } = service;
  return (
    <Panel id="facts-summary" title="Summary">
      <dl className={styles.facts}>
        <Fact label="Image">
          <Mono>{service.image}</Mono>
        </Fact>
        <Fact label="State">
          <ServiceStateBadge state={service.state} />
        </Fact>
        <Fact label="Instances">{formatInstanceSummary(service.instance_counts.running, service.instances, service.strategy)}</Fact>
        <Fact label="Strategy">{service.strategy}</Fact>
        <Fact label="Stateful">{service.stateful ? 'yes' : 'no'}</Fact>
        <Fact label="Revision">
          {service.revision}
          {service.stack_revision !== null && <span className={styles.muted}> · stack revision {service.stack_revision}</span>}
        </Fact>
        <Fact label="Stack">
          {stack}{' '}
          <span className={styles.muted}>
            (<BreakableName text={service.stack.id} />)
          </span>
        </Fact>
        <Fact label="ID">
          <Mono>
            <BreakableName text={service.id} />
          </Mono>
        </Fact>
        <Fact label="DNS name">
          <Mono>
            <BreakableName text={service.dns} />
          </Mono>
        </Fact>
        <Fact label="Deploy min health">{Math.round(opts.min_health * 1000) / 10} %</Fact>
        <Fact label="Deploy wait for port">{opts.wait_for_port === null ? <None /> : opts.wait_for_port}</Fact>
        <Fact label="Deploy interval">
          {opts.interval === null ? (
            <None text="none (no automatic redeploy)" />
          ) : (
            `${formatRelativeTime(opts.interval)} (${opts.interval} s)`
          )}
        </Fact>
        <Fact label="Created">
          <Time iso={service.created_at} />
        </Fact>
        <Fact label="Updated">
          <Time iso={service.updated_at} />
        </Fact>
      </dl>
    </Panel>
  );
}

/** How the containers run: command, resources, network, volumes, logging. */
export function RuntimeFacts({ service }: { service: Service }) {
  const logOpts = Object.entries(service.log_opts).map(([key, value]) => `${key}=${value}`);
  const ports = service.ports.map((p) => `${p.ip}:${p.node_port}->${p.container_port}/${p.protocol}`);
  return (
    <Panel id="facts-runtime" title="Runtime">
      <dl className={styles.facts}>
        <Fact label="Cmd" wide>
          {service.cmd === null || service.cmd.length === 0 ? <None text="image default" /> : <Mono>{formatCmd(service.cmd)}</Mono>}
        </Fact>
        <Fact label="Entrypoint">{service.entrypoint === null ? <None text="image default" /> : <Mono>{service.entrypoint}</Mono>}</Fact>
        <Fact label="User">
          {service.user === null || service.user === '' ? <None text="image default" /> : <Mono>{service.user}</Mono>}
        </Fact>
        <Fact label="Memory">
          <Memory bytes={service.memory} />
        </Fact>
        <Fact label="Memory swap">
          <Memory bytes={service.memory_swap} />
        </Fact>
        <Fact label="CPU shares">{service.cpu_shares === null ? <None text="default (1024)" /> : `${service.cpu_shares} of 1024`}</Fact>
        <Fact label="Net">
          <Mono>{service.net}</Mono>
        </Fact>
        <Fact label="PID">{service.pid === null ? <None text="container" /> : <Mono>{service.pid}</Mono>}</Fact>
        <Fact label="Ports" wide>
          <Chips items={ports} />
        </Fact>
        <Fact label="Volumes" wide>
          <VolumeChips service={service} />
        </Fact>
        <Fact label="Volumes from">
          <Chips items={service.volumes_from} />
        </Fact>
        <Fact label="Affinity">
          <Chips items={service.affinity} />
        </Fact>
        <Fact label="Cap add">
          <Chips items={service.cap_add} />
        </Fact>
        <Fact label="Cap drop">
          <Chips items={service.cap_drop} />
        </Fact>
        <Fact label="Log driver">{service.log_driver === null ? <None text="docker default" /> : <Mono>{service.log_driver}</Mono>}</Fact>
        <Fact label="Log options">
          <Chips items={logOpts} />
        </Fact>
      </dl>
    </Panel>
  );
}

/**
 * The health check as configured, and how its instances stand (`health`: what the
 * instances say where the page has them, lib/service-health).
 */
export function HealthFacts({ service, health }: { service: Service; health: ServiceHealth }) {
  const check = service.health_check;
  if (check === undefined) {
    return (
      <Panel id="facts-health-check" title="Health check" meta={<HealthBadge health={health} />}>
        <p className={styles.empty}>The master does not check this service’s health; set one in Settings.</p>
      </Panel>
    );
  }
  return (
    <Panel id="facts-health-check" title="Health check" meta={<HealthBadge health={health} />}>
      <dl className={styles.facts}>
        <Fact label="Protocol">{check.protocol}</Fact>
        {check.protocol === 'http' && (
          <Fact label="URI">
            <Mono>{check.uri}</Mono>
          </Fact>
        )}
        <Fact label="Port">{check.port === null ? <None /> : check.port}</Fact>
        <Fact label="Timeout">{check.timeout} s</Fact>
        <Fact label="Interval">{check.interval} s</Fact>
        <Fact label="Initial delay">{check.initial_delay} s</Fact>
      </dl>
    </Panel>
  );
}

/** Post-start hooks (`--post-start-cmd`). */
export function HooksFacts({ service }: { service: Service }) {
  return (
    <Panel id="facts-hooks" title="Hooks" meta={service.hooks.length === 0 ? 'none' : `${service.hooks.length}`}>
      {service.hooks.length === 0 ? (
        <p className={styles.empty}>No post-start hooks.</p>
      ) : (
        <PanelTable columns={['Name', 'Type', 'Cmd', 'Oneshot']} className={styles.cells}>
          {service.hooks.map((hook) => (
            <tr key={`${hook.type}:${hook.name}`}>
              <th scope="row" className={styles.cellMono}>
                {hook.name}
              </th>
              <td>{hook.type}</td>
              <td className={styles.cellMono}>{hook.cmd}</td>
              <td>{hook.oneshot ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </PanelTable>
      )}
    </Panel>
  );
}
