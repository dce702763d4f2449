import { useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQueries, useQuery } from '@tanstack/react-query';
import { gridsQuery, stacksQuery } from '../../api/queries';
import { NULL_STACK } from '../../api/service-ref';
import { Button } from '../../components/button';
import { TextField } from '../../components/text-field';
import { URL_VIEW_STATE } from '../../components/url-view-state';
import { DEFAULT_REFRESH_MS, describeDuration, effectiveRotateBy, parseWallConfig, wallSearch } from './wall-config';
import type { RotateBy, WallConfig, WallTheme } from './wall-config';
import styles from './wall-builder-page.module.css';

const ROTATE_CHOICES = [15_000, 30_000, 60_000, 120_000, 300_000];
const REFRESH_CHOICES = [5_000, DEFAULT_REFRESH_MS, 30_000, 60_000];
const THEMES: { value: WallTheme; label: string }[] = [
  { value: 'wall', label: 'Wall (black, high contrast)' },
  { value: 'dark', label: 'Dark' },
  { value: 'light', label: 'Light' },
];

/** Choices plus the URL's own value when it is not one of them, sorted. */
function withCurrent(choices: readonly number[], current: number | null): number[] {
  return current === null || choices.includes(current) ? [...choices] : [...choices, current].sort((a, b) => a - b);
}

function toggle(list: readonly string[], item: string, on: boolean): string[] {
  return on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);
}

interface NameChecksProps {
  legend: string;
  hint: string;
  options: readonly string[];
  checked: readonly string[];
  onChange: (checked: string[]) => void;
  /** The text beside a box (default: the name itself). */
  label?: (name: string) => string;
  /** Between the hint and the boxes: loading or error notes. */
  children?: ReactNode;
}

/** A fieldset of names to tick (grids, stacks); none ticked means all. */
function NameChecks({ legend, hint, options, checked, onChange, label = (name) => name, children }: NameChecksProps) {
  const hintId = useId();
  return (
    <fieldset className={styles.fieldset}>
      <legend>{legend}</legend>
      <p className={styles.hint} id={hintId}>
        {hint}
      </p>
      {children}
      <div className={styles.checks}>
        {options.map((name) => (
          <label key={name} className={styles.check}>
            <input type="checkbox" checked={checked.includes(name)} aria-describedby={hintId} onChange={(e) => onChange(toggle(checked, name, e.target.checked))} />
            {label(name)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * /wall-builder — makes a wall URL. The builder's own URL carries the same parameters as
 * the wall's, so a half-made wall is a link too; the result is shown, copied or opened.
 */
export function WallBuilderPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const { config } = useMemo(() => parseWallConfig(new URLSearchParams(search)), [search]);
  const ids = { rotate: useId(), by: useId(), theme: useId(), refresh: useId(), url: useId() };
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const grids = useQuery(gridsQuery());
  const gridNames = grids.data?.map((g) => g.name) ?? [];
  const stackGrids = config.grids.length > 0 ? config.grids : gridNames;
  const stackResults = useQueries({ queries: stackGrids.map((grid) => ({ ...stacksQuery(grid), retry: false })) });
  const stackNames = [...new Set(stackResults.flatMap((r) => r.data?.map((s) => s.name) ?? []))].sort();
  // Stacks named in the URL stay listed even when no selected grid has them.
  const stackOptions = [NULL_STACK, ...stackNames, ...config.stacks.filter((s) => s !== NULL_STACK && !stackNames.includes(s))];
  const gridOptions = [...gridNames, ...config.grids.filter((g) => !gridNames.includes(g))];

  const update = (patch: Partial<WallConfig>): void => {
    setCopied(null);
    setSearchParams(new URLSearchParams(wallSearch({ ...config, ...patch })), URL_VIEW_STATE);
  };

  const wallPath = `/wall${wallSearch(config)}`;
  const wallUrl = `${window.location.origin}${wallPath}`;

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(wallUrl);
      setCopied('yes');
    } catch {
      // Clipboard refused (no permission, not a secure origin): the field can still be selected.
      setCopied('failed');
    }
  };

  return (
    <div className={styles.page}>
      <title>Wall URL builder · Kontena</title>
      <header className={styles.header}>
        <h1 className={styles.title}>Wall screen</h1>
        <p className={styles.subtitle}>
          Make the address of an operations-room screen: one tile per service, problems first, no controls. Everything is in the URL.
        </p>
      </header>

      <form className={styles.form} onSubmit={(e) => e.preventDefault()} aria-label="Wall settings">
        <NameChecks legend="Grids" hint="None ticked: every grid the wall’s token can see." options={gridOptions} checked={config.grids} onChange={(list) => update({ grids: list })}>
          {grids.isPending && <p className={styles.hint}>Loading grids…</p>}
          {grids.isError && <p className={styles.hint}>The grids could not be loaded: {grids.error.message}</p>}
        </NameChecks>

        <NameChecks
          legend="Stacks"
          hint="None ticked: every stack."
          options={stackOptions}
          checked={config.stacks}
          onChange={(list) => update({ stacks: list })}
          label={(stack) => (stack === NULL_STACK ? `default stack (${NULL_STACK})` : stack)}
        />

        <TextField
          label="Name filter"
          hint="Only services whose name (stack/name) contains this text."
          value={config.filter}
          onChange={(e) => update({ filter: e.target.value.trim().toLowerCase() })}
          className={styles.field}
        />

        <div className={styles.row}>
          <div className={styles.control}>
            <label htmlFor={ids.rotate}>Rotation</label>
            <select
              id={ids.rotate}
              value={config.rotateMs === null ? 'off' : String(config.rotateMs)}
              onChange={(e) => update({ rotateMs: e.target.value === 'off' ? null : Number(e.target.value) })}
            >
              <option value="off">Off: one screen</option>
              {withCurrent(ROTATE_CHOICES, config.rotateMs).map((ms) => (
                <option key={ms} value={ms}>
                  Every {describeDuration(ms)}
                </option>
              ))}
            </select>
          </div>

          <fieldset className={styles.radios} disabled={config.rotateMs === null} aria-describedby={ids.by}>
            <legend>Rotate through</legend>
            {(['grid', 'page'] as RotateBy[]).map((by) => (
              <label key={by} className={styles.check}>
                <input
                  type="radio"
                  name="by"
                  checked={effectiveRotateBy(config, config.grids.length > 0 ? config.grids.length : gridNames.length) === by}
                  onChange={() => update({ rotateBy: by })}
                />
                {by === 'grid' ? 'Grids' : 'Pages of tiles'}
              </label>
            ))}
            <p className={styles.hint} id={ids.by}>
              Pages: as many tiles as fit on the screen at a time.
            </p>
          </fieldset>

          <div className={styles.control}>
            <label htmlFor={ids.refresh}>Refresh</label>
            <select id={ids.refresh} value={String(config.refreshMs)} onChange={(e) => update({ refreshMs: Number(e.target.value) })}>
              {withCurrent(REFRESH_CHOICES, config.refreshMs).map((ms) => (
                <option key={ms} value={ms}>
                  Every {describeDuration(ms)}
                </option>
              ))}
            </select>
          </div>

          <div className={styles.control}>
            <label htmlFor={ids.theme}>Wall theme</label>
            <select id={ids.theme} value={config.theme} onChange={(e) => update({ theme: e.target.value as WallTheme })}>
              {THEMES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>

      <section className={styles.result} aria-labelledby={ids.url}>
        <h2 className={styles.resultTitle}>
          <label htmlFor={ids.url}>Wall URL</label>
        </h2>
        <div className={styles.urlRow}>
          <input id={ids.url} className={styles.url} readOnly value={wallUrl} onFocus={(e) => e.target.select()} />
          <Button onClick={() => void copy()}>Copy</Button>
          <Link to={wallPath} target="_blank" rel="noopener" className={styles.open}>
            Open the wall
          </Link>
        </div>
        <p className={styles.status} role="status">
          {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'The browser did not allow copying: select the address and copy it.' : ''}
        </p>
        <div className={styles.howto}>
          <h2 className={styles.resultTitle}>On the wall screen</h2>
          <ol>
            <li>
              Create a token that does not expire, where the Kontena CLI is set up: <code>kontena master token create --expires-in 0</code>
            </li>
            <li>Open the wall URL on the screen, sign in with that token and tick “Remember on this device”.</li>
            <li>Run the browser in kiosk mode (the README lists the Chromium flags that keep a background wall polling).</li>
          </ol>
        </div>
      </section>
    </div>
  );
}
