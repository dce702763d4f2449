import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { servicesQuery } from '../../api/queries';
import { volumesQuery } from '../../api/stack-queries';
import { LoadError } from '../../components/load-error';
import { Panel, PanelLoading, PanelTable } from '../../components/panel';
import { CreateVolumeForm } from './create-volume-form';
import { RemoveVolumeDialog } from './remove-volume-dialog';
import { VolumeRow, volumeRowId } from './volume-row';
import { volumeUsage } from './volume-usage';
import styles from './volumes-page.module.css';

/**
 * /grids/:grid/volumes[?volume=NAME] — `kontena volume ls/create/rm`, and for each volume
 * the services that mount it (from the services list) with the docker volumes of their
 * instances. `?volume=NAME` (the service pages' links) marks that volume's row.
 */
export function VolumesPage() {
  const grid = useParams().grid ?? '';
  const [search] = useSearchParams();
  const highlight = search.get('volume');
  const volumes = useQuery(volumesQuery(grid));
  const services = useQuery(servicesQuery(grid));
  const [note, setNote] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const usage = services.data === undefined ? undefined : volumeUsage(services.data);

  const loaded = volumes.data !== undefined;
  useEffect(() => {
    if (highlight === null || !loaded) return;
    document.getElementById(volumeRowId(highlight))?.scrollIntoView({ block: 'center' });
  }, [highlight, loaded]);

  return (
    <div className={styles.page}>
      <title>{`Volumes · ${grid} · Kontena`}</title>
      <div className={styles.header}>
        <h1>Volumes</h1>
        <p className={styles.subtitle}>
          Volume definitions of grid <strong>{grid}</strong>; the agents create the docker volumes on the nodes when a service using one is
          deployed.
        </p>
      </div>

      {volumes.data === undefined && volumes.isPending && <PanelLoading label="Loading the volumes…" rows={3} />}
      {volumes.data === undefined && volumes.isError && (
        <LoadError
          what="the volumes"
          error={volumes.error}
          retrying={volumes.isFetching}
          onRetry={() => void volumes.refetch()}
          notFound={{ title: `There is no grid “${grid}”`, text: 'Pick another grid from the switcher.' }}
        />
      )}

      <div role="status" className={note === null ? undefined : styles.note}>
        {note}
      </div>

      {volumes.data !== undefined && (
        <>
          {highlight !== null && !volumes.data.some((v) => v.name === highlight) && (
            <p className={styles.missing}>
              There is no volume named <strong className={styles.mono}>{highlight}</strong> in this grid.
            </p>
          )}
          <Panel
            id="volumes-list-heading"
            title={volumes.data.length === 1 ? '1 volume' : `${volumes.data.length} volumes`}
            meta={services.isError ? 'Could not load the services: who uses each volume is unknown.' : undefined}
          >
            {volumes.data.length === 0 ? (
              <p className={styles.empty}>No volumes in this grid yet.</p>
            ) : (
              <PanelTable
                columns={['Name', 'Scope', 'Driver', 'Driver options', 'Used by', 'Created']}
                actions
                labelledBy="volumes-list-heading"
                className={styles.cells}
              >
                {volumes.data.map((volume) => (
                  <VolumeRow
                    key={volume.name}
                    volume={volume}
                    uses={usage === undefined ? undefined : (usage.get(volume.name) ?? [])}
                    highlighted={volume.name === highlight}
                    onRemove={() => {
                      setNote(null);
                      setRemoving(volume.name);
                    }}
                  />
                ))}
              </PanelTable>
            )}
            <CreateVolumeForm grid={grid} onCreated={(name) => setNote(`Created ${name}. Mount it in a service with -v ${name}:/path.`)} />
          </Panel>
        </>
      )}

      {removing !== null && (
        <RemoveVolumeDialog
          grid={grid}
          name={removing}
          usersUnknown={usage === undefined}
          onRemoved={() => {
            setNote(`Removed ${removing}.`);
            setRemoving(null);
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </div>
  );
}
