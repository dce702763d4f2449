import type { ReactNode } from 'react';
import type { StackServiceBody } from '../../../lib/stack-file/stack-body';
import type { FieldDiff, ServiceDiff, ServiceSummary } from './service-preview';
import { summarizeBody } from './service-preview';
import styles from './install.module.css';

function ServiceErrors({ name, errors }: { name: string; errors: readonly string[] | undefined }) {
  if (errors === undefined || errors.length === 0) return null;
  return (
    <ul className={styles.serviceErrors} aria-label={`The master’s errors for ${name}`}>
      {errors.map((line) => (
        <li key={line}>
          <span aria-hidden="true">! </span>
          {line}
        </li>
      ))}
    </ul>
  );
}

function Fact({ label, items }: { label: string; items: readonly string[] | string | null }) {
  const text = items === null ? null : typeof items === 'string' ? items : items.join(', ');
  if (text === null || text === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd className={styles.mono}>{text}</dd>
    </>
  );
}

function SummaryFacts({ summary }: { summary: ServiceSummary }) {
  return (
    <dl className={styles.facts}>
      <Fact label="Image" items={summary.image} />
      <Fact label="Instances" items={summary.instances === null ? '1 (default)' : String(summary.instances)} />
      {summary.stateful && <Fact label="Stateful" items="yes" />}
      <Fact label="Ports" items={summary.ports} />
      <Fact label="Links" items={summary.links} />
      <Fact label="Volumes" items={summary.volumes} />
      <Fact label="Environment" items={summary.envNames} />
      <Fact label="Secrets" items={summary.secrets} />
      <Fact label="Command" items={summary.cmd} />
      <Fact label="Affinity" items={summary.affinity} />
    </dl>
  );
}

function Card({ name, tag, tone, children }: { name: string; tag?: string; tone?: 'added' | 'removed' | 'changed'; children: ReactNode }) {
  return (
    <li className={styles.serviceCard} data-change={tone}>
      <h3 className={styles.serviceName}>
        <span className={styles.mono}>{name}</span>
        {tag !== undefined && <span className={styles.changeTag}>{tag}</span>}
      </h3>
      {children}
    </li>
  );
}

/** An install: every service the stack creates. */
export function InstallPreview({
  services,
  errors,
}: {
  services: readonly StackServiceBody[];
  errors: Readonly<Record<string, string[]>>;
}) {
  return (
    <ul className={styles.serviceList} aria-label="Services the install creates">
      {services.map((service) => (
        <Card key={service.name} name={service.name}>
          <SummaryFacts summary={summarizeBody(service)} />
          <ServiceErrors name={service.name} errors={errors[service.name]} />
        </Card>
      ))}
    </ul>
  );
}

function FieldChange({ diff }: { diff: FieldDiff }) {
  if (diff.kind === 'scalar') {
    return (
      <>
        <span className={styles.before}>{diff.before}</span> <span aria-hidden="true">→</span>
        <span className="visually-hidden"> becomes </span> <span className={styles.after}>{diff.after}</span>
      </>
    );
  }
  return (
    <>
      {diff.removed.map((item) => (
        <span key={`-${item}`} className={styles.before}>
          <span className="visually-hidden">removed: </span>− {item}
        </span>
      ))}
      {diff.added.map((item) => (
        <span key={`+${item}`} className={styles.after}>
          <span className="visually-hidden">added: </span>+ {item}
        </span>
      ))}
    </>
  );
}

const TAGS = { added: 'new', removed: 'removed', changed: 'changed', same: 'unchanged' } as const;

/** An upgrade: the file's services against the installed ones, field by field. */
export function UpgradeDiff({ diffs, errors }: { diffs: readonly ServiceDiff[]; errors: Readonly<Record<string, string[]>> }) {
  const counts = {
    added: diffs.filter((d) => d.kind === 'added').length,
    removed: diffs.filter((d) => d.kind === 'removed').length,
    changed: diffs.filter((d) => d.kind === 'changed').length,
  };
  return (
    <>
      <p className={styles.muted}>
        {counts.added} new, {counts.changed} changed, {counts.removed} removed,{' '}
        {diffs.length - counts.added - counts.changed - counts.removed} unchanged. New services are created by the upgrade; the rest takes
        effect at the stack’s next deploy.
      </p>
      <ul className={styles.serviceList} aria-label="Changes to the services">
        {diffs.map((diff) => (
          <Card key={diff.name} name={diff.name} tag={TAGS[diff.kind]} tone={diff.kind === 'same' ? undefined : diff.kind}>
            {diff.kind === 'added' && <SummaryFacts summary={diff.summary} />}
            {diff.kind === 'removed' && <p className={styles.muted}>Not in the file: removed at the stack’s next deploy.</p>}
            {diff.kind === 'changed' && (
              <dl className={styles.changes} aria-label={`Changes to ${diff.name}`}>
                {diff.fields.map((field) => (
                  <div key={field.field} className={styles.change}>
                    <dt>{field.label}</dt>
                    <dd>
                      <FieldChange diff={field} />
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            <ServiceErrors name={diff.name} errors={errors[diff.name]} />
          </Card>
        ))}
      </ul>
    </>
  );
}
