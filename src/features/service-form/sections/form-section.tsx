import type { ReactNode } from 'react';
import type { SectionId } from '../option-groups';
import styles from '../service-form.module.css';

export const SECTIONS: readonly { id: SectionId; title: string }[] = [
  { id: 'general', title: 'General' },
  { id: 'networking', title: 'Networking' },
  { id: 'storage', title: 'Storage' },
  { id: 'env', title: 'Environment & secrets' },
  { id: 'resources', title: 'Resources' },
  { id: 'security', title: 'Security' },
  { id: 'logging', title: 'Logging' },
  { id: 'deploy', title: 'Deploy' },
  { id: 'healthCheck', title: 'Health check' },
  { id: 'hooks', title: 'Hooks' },
];

export const sectionElementId = (id: SectionId): string => `section-${id}`;

export function FormSection({ id, children }: { id: SectionId; children: ReactNode }) {
  const title = SECTIONS.find((s) => s.id === id)?.title ?? id;
  const elementId = sectionElementId(id);
  return (
    <section id={elementId} aria-labelledby={`${elementId}-title`} className={styles.section}>
      <h2 id={`${elementId}-title`} className={styles.sectionTitle}>
        {title}
      </h2>
      <div className={styles.sectionBody}>{children}</div>
    </section>
  );
}
