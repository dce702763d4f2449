import { useId } from 'react';
import { Button } from '../../components/button';
import { AUDIT_LIMITS } from './audit-filters';
import type { AuditFilters } from './audit-filters';
import { resourceTypeLabel } from './resource-types';
import styles from './audit-page.module.css';

interface AuditFiltersBarProps {
  filters: AuditFilters;
  /** What the two text boxes show (they write the URL a moment after typing). */
  userText: string;
  resourceText: string;
  onUserText: (text: string) => void;
  onResourceText: (text: string) => void;
  onChange: (patch: Partial<AuditFilters>) => void;
  onClear: () => void;
  types: readonly string[];
  actions: readonly string[];
  users: readonly string[];
}

/** A choice the URL names but the entries at hand do not have is still offered, so the select shows it. */
function withCurrent(options: readonly string[], current: string): readonly string[] {
  return current === '' || options.includes(current) ? options : [...options, current];
}

/** User · resource type · resource name · action · how many entries (all in the URL). */
export function AuditFiltersBar(props: AuditFiltersBarProps) {
  const id = useId();
  const { filters } = props;
  const filtered = props.userText !== '' || props.resourceText !== '' || filters.type !== '' || filters.action !== '';
  return (
    <form className={styles.filters} role="search" aria-label="Filter the audit trail" onSubmit={(e) => e.preventDefault()}>
      <div className={styles.field}>
        <label htmlFor={`${id}-user`}>User</label>
        <input
          id={`${id}-user`}
          className={styles.input}
          type="search"
          placeholder="email contains…"
          autoComplete="off"
          spellCheck={false}
          list={`${id}-users`}
          value={props.userText}
          onChange={(e) => props.onUserText(e.target.value)}
        />
        <datalist id={`${id}-users`}>
          {props.users.map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-type`}>Resource type</label>
        <select id={`${id}-type`} className={styles.select} value={filters.type} onChange={(e) => props.onChange({ type: e.target.value })}>
          <option value="">All types</option>
          {withCurrent(props.types, filters.type).map((t) => (
            <option key={t} value={t}>
              {resourceTypeLabel(t)}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-resource`}>Resource name</label>
        <input
          id={`${id}-resource`}
          className={styles.input}
          type="search"
          placeholder={'contains…, or "exact"'}
          autoComplete="off"
          spellCheck={false}
          value={props.resourceText}
          onChange={(e) => props.onResourceText(e.target.value)}
        />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-action`}>Action</label>
        <select
          id={`${id}-action`}
          className={styles.select}
          value={filters.action}
          onChange={(e) => props.onChange({ action: e.target.value })}
        >
          <option value="">All actions</option>
          {withCurrent(props.actions, filters.action).map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-limit`}>Read the newest</label>
        <select
          id={`${id}-limit`}
          className={styles.select}
          value={filters.limit}
          onChange={(e) => props.onChange({ limit: Number(e.target.value) })}
        >
          {AUDIT_LIMITS.map((n) => (
            <option key={n} value={n}>
              {n} entries
            </option>
          ))}
        </select>
      </div>
      {filtered && (
        <Button size="sm" variant="ghost" className={styles.clear} onClick={props.onClear}>
          Clear filters
        </Button>
      )}
    </form>
  );
}
