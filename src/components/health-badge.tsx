import { describeHealth } from '../lib/service-health';
import type { ServiceHealth } from '../lib/service-health';
import { cx } from './class-names';
import { StatusBadge } from './status-badge';
import styles from './health-badge.module.css';

/**
 * A service's health in the words of lib/service-health (the same in the list, the
 * header, the overview and the wall), with the sentence behind it on hover. Without a
 * health check it says so in plain words: that is no status to colour.
 */
export function HealthBadge({ health, className }: { health: ServiceHealth; className?: string }) {
  const words = describeHealth(health);
  return (
    <span title={words.detail} data-health={health.level} className={cx(styles.health, className)}>
      {health.level === 'none' ? (
        <span className={styles.none}>{words.text}</span>
      ) : (
        <StatusBadge tone={words.tone} label={words.text} className={styles.badge} />
      )}
    </span>
  );
}
