import { Link } from 'react-router';
import type { Volume } from '../../api/volumes';
import { refOfService, serviceDisplayName } from '../../api/service-ref';
import { Button } from '../../components/button';
import { cx } from '../../components/class-names';
import { formatTableDateTime } from '../../lib/clock-format';
import { formatInstanceRatio } from '../../lib/format-instances';
import { formatServicePath } from '../../lib/format-path';
import { dockerVolumeNames } from './volume-usage';
import type { VolumeUse } from './volume-usage';
import styles from './volumes-page.module.css';

/** The row's anchor, for `?volume=NAME` links from the service pages. */
export function volumeRowId(name: string): string {
  return `volume-${name}`;
}

/** A value as the CLI's `volume show` prints it; the master keeps whatever JSON was sent. */
function optionText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function DriverOptions({ options }: { options: Volume['driver_opts'] }) {
  const entries = Object.entries(options ?? {});
  if (entries.length === 0) return <span className={styles.muted}>none</span>;
  return (
    <ul className={styles.plainList}>
      {entries.map(([key, value]) => (
        <li key={key} className={styles.mono}>
          {key}={optionText(value)}
        </li>
      ))}
    </ul>
  );
}

function Users({ volume, uses }: { volume: Volume; uses: readonly VolumeUse[] | undefined }) {
  if (uses === undefined) return <span className={styles.muted}>unknown</span>;
  if (uses.length === 0) return <span className={styles.muted}>no service</span>;
  return (
    <ul className={styles.users}>
      {uses.map(({ service, mounts }) => {
        const ref = refOfService(service);
        const docker = dockerVolumeNames(volume.name, volume.scope, service);
        return (
          <li key={service.id}>
            <Link to={formatServicePath(ref)} className={styles.mono}>
              {serviceDisplayName(ref)}
            </Link>{' '}
            <span className={styles.muted}>
              at <span className={styles.mono}>{mounts.join(', ')}</span> ·{' '}
              {formatInstanceRatio(service.instance_counts.running, service.instances, service.strategy)}
            </span>
            <div className={styles.docker}>
              <span className={styles.muted}>docker volume{docker.names.length + docker.more === 1 ? '' : 's'}: </span>
              {docker.names.length === 0 ? (
                <span className={styles.muted}>none yet (no instance)</span>
              ) : (
                docker.names.map((name) => (
                  <code key={name} className={styles.dockerName}>
                    {name}
                  </code>
                ))
              )}
              {docker.more > 0 && <span className={styles.muted}> and {docker.more} more</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function VolumeRow({
  volume,
  uses,
  highlighted,
  onRemove,
}: {
  volume: Volume;
  /** The services that mount it; undefined while the services are not known. */
  uses: readonly VolumeUse[] | undefined;
  highlighted: boolean;
  onRemove: () => void;
}) {
  const used = uses !== undefined && uses.length > 0;
  const reasonId = `${volumeRowId(volume.name)}-in-use`;
  return (
    <tr id={volumeRowId(volume.name)} className={cx(highlighted && styles.highlighted)} aria-current={highlighted || undefined}>
      <th scope="row" className={styles.name}>
        {volume.name}
      </th>
      <td>{volume.scope}</td>
      <td className={styles.mono}>{volume.driver}</td>
      <td>
        <DriverOptions options={volume.driver_opts} />
      </td>
      <td>
        <Users volume={volume} uses={uses} />
      </td>
      <td className={styles.time}>
        <time dateTime={volume.created_at} title={volume.created_at}>
          {formatTableDateTime(volume.created_at)}
        </time>
      </td>
      <td className={styles.actions}>
        {/* The master refuses to remove a mounted volume: say so instead of letting it refuse. */}
        <Button
          size="sm"
          aria-label={`Remove ${volume.name}`}
          disabled={used}
          aria-describedby={used ? reasonId : undefined}
          title={used ? 'In use: take it out of the services first' : undefined}
          onClick={onRemove}
        >
          Remove
        </Button>
        {used && (
          <>
            <span className={styles.inUse} aria-hidden="true">
              in use
            </span>
            <span id={reasonId} className="visually-hidden">
              in use by {uses.map((use) => serviceDisplayName(use.service)).join(', ')}
            </span>
          </>
        )}
      </td>
    </tr>
  );
}
