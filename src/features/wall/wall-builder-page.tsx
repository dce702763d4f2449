import { useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQueries, useQuery } from '@tanstack/react-query';
import { gridsQuery, stacksQuery } from '../../api/queries';
import { NULL_STACK } from '../../api/service-ref';
import { Button } from '../../components/button';
import { TextField } from '../../components/text-field';
import { URL_VIEW_STATE } from '../../components/url-view-state';
import { useCopyToClipboard } from '../../components/use-copy-to-clipboard';
import { ScreenSignInLink } from './screen-sign-in-link';
import { DEFAULT_REFRESH_MS, describeDuration, effectiveRotateBy, parseWallConfig, wallSearch } from './wall-config';
import type { RotateBy, WallConfig, WallTheme } from './wall-config';
import styles from './wall-builder-page.module.css';

const ROTATE_CHOICES = [15_000, 30_000, 60_000, 120_000, 300_000];
const REFRESH_CHOICES = [5_000, DEFAULT_REFRESH_MS, 30_000, 60_000];
const ROTATE_BY: { value: RotateBy; label: string; help: string }[] = [
  { value: 'grid', label: 'Grid by grid', help: 'A grid per screen, named in the header; a large grid takes several screens.' },
  { value: 'page', label: 'Page by page', help: 'All grids together, a screenful of tiles at a time, problems first.' },
];
const THEMES: { value: WallTheme; label: string }[] = [
  { value: 'wall', label: 'Wall (black, high contrast)' },
  { value: 'dark', label: 'Dark' },
  { value: 'light', label: 'Light' },
];

/** Choices plus the URL's own value when it is not one of them, sorted. */
function withCurrent(choices: readonly number[], current: number | null): number[] {
  return current === null || choices.includes(current) ? [...choices] : [...choices, current].sort((a, b) => a - b);
}

const stackLabel = (stack: string): string => (stack === NULL_STACK ? `default stack (${NULL_STACK})` : stack);

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
  /** A fact under a name ("14 services"): said as the box's description, not its name. */
  note?: (name: string) => string | undefined;
  /** What the wall shows with the boxes as they are: "every grid", "staging". */
  shows: string;
  /** Between the hint and the boxes: loading or error notes. */
  children?: ReactNode;
}

/**
 * A fieldset of names to tick (grids, stacks); none ticked means all. Each name is a
 * choice of its own (a box around box, name and note, all of it clickable), and a line
 * under them says what the wall will show, so "none ticked" reads as "all" at a glance.
 */
function NameChecks({ legend, hint, options, checked, onChange, label = (name) => name, note, shows, children }: NameChecksProps) {
  const hintId = useId();
  const noteId = useId();
  return (
    <fieldset className={styles.fieldset}>
      <legend>{legend}</legend>
      <p className={styles.hint} id={hintId}>
        {hint}
      </p>
      {children}
      <div className={styles.checks}>
        {options.map((name, i) => {
          const text = note?.(name);
          const noteFor = `${noteId}-${i}`;
          return (
            <label key={name} className={styles.choice}>
              <input
                type="checkbox"
                checked={checked.includes(name)}
                aria-describedby={text === undefined ? hintId : `${noteFor} ${hintId}`}
                onChange={(e) => onChange(toggle(checked, name, e.target.checked))}
              />
              <span className={styles.choiceName}>{label(name)}</span>
              {text !== undefined && (
                <span className={styles.choiceNote} id={noteFor} aria-hidden="true">
                  {text}
                </span>
              )}
            </label>
          );
        })}
      </div>
      <p className={styles.shows}>
        <span className={styles.showsLabel}>On the wall:</span> {shows}
      </p>
    </fieldset>
  );
}

function listOrAll(checked: readonly string[], all: string, name: (item: string) => string = (item) => item): string {
  return checked.length === 0 ? all : checked.map(name).join(', ');
}

/**
 * /wall-builder — makes a wall URL. The builder's own URL carries the same parameters as
 * the wall's, so a half-made wall is a link too; the result is shown, copied or opened.
 */
export function WallBuilderPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const { config } = useMemo(() => parseWallConfig(new URLSearchParams(search)), [search]);
  const ids = { rotate: useId(), by: useId(), theme: useId(), refresh: useId(), url: useId(), nodes: useId() };
  const { outcome: copied, copy, clear: clearCopied } = useCopyToClipboard();

  const grids = useQuery(gridsQuery());
  const gridNames = grids.data?.map((g) => g.name) ?? [];
  const serviceCounts = new Map(grids.data?.map((g) => [g.name, g.service_count === 1 ? '1 service' : `${g.service_count} services`]));
  const stackGrids = config.grids.length > 0 ? config.grids : gridNames;
  const stackResults = useQueries({ queries: stackGrids.map((grid) => ({ ...stacksQuery(grid), retry: false })) });
  const stackNames = [...new Set(stackResults.flatMap((r) => r.data?.map((s) => s.name) ?? []))].sort();
  // Stacks named in the URL stay listed even when no selected grid has them.
  const stackOptions = [NULL_STACK, ...stackNames, ...config.stacks.filter((s) => s !== NULL_STACK && !stackNames.includes(s))];
  const gridOptions = [...gridNames, ...config.grids.filter((g) => !gridNames.includes(g))];

  const update = (patch: Partial<WallConfig>): void => {
    clearCopied();
    setSearchParams(new URLSearchParams(wallSearch({ ...config, ...patch })), URL_VIEW_STATE);
  };

  const wallGrids = config.grids.length > 0 ? config.grids.length : gridNames.length;
  const rotateBy = effectiveRotateBy(config, wallGrids);

  const wallPath = `/wall${wallSearch(config)}`;
  const wallUrl = `${window.location.origin}${wallPath}`;

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
        <NameChecks
          legend="Grids"
          hint="Tick the grids to show. None ticked: every grid the wall’s token can see."
          options={gridOptions}
          checked={config.grids}
          onChange={(list) => update({ grids: list })}
          note={(grid) => serviceCounts.get(grid)}
          shows={listOrAll(config.grids, gridNames.length > 0 ? `every grid (now ${gridNames.join(', ')})` : 'every grid')}
        >
          {grids.isPending && <p className={styles.hint}>Loading grids…</p>}
          {grids.isError && <p className={styles.hint}>The grids could not be loaded: {grids.error.message}</p>}
        </NameChecks>

        <NameChecks
          legend="Stacks"
          hint="Tick the stacks to show. None ticked: every stack."
          options={stackOptions}
          checked={config.stacks}
          onChange={(list) => update({ stacks: list })}
          label={stackLabel}
          shows={listOrAll(config.stacks, 'every stack', stackLabel)}
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
            <legend>Rotate</legend>
            <div className={styles.options}>
              {ROTATE_BY.map((option) => (
                <label key={option.value} className={styles.option}>
                  <input
                    type="radio"
                    name="by"
                    checked={rotateBy === option.value}
                    aria-describedby={`${ids.by}-${option.value}`}
                    onChange={() => update({ rotateBy: option.value })}
                  />
                  <span className={styles.optionLabel}>{option.label}</span>
                  <span className={styles.optionHelp} id={`${ids.by}-${option.value}`} aria-hidden="true">
                    {option.help}
                  </span>
                </label>
              ))}
            </div>
            <p className={styles.hint} id={ids.by}>
              {config.rotateMs === null
                ? 'Used once Rotation is on: without it the wall is one screen.'
                : wallGrids <= 1
                  ? 'One grid on the wall: both turn through its pages.'
                  : ''}
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
            <span className={styles.check}>
              <input
                id={ids.nodes}
                type="checkbox"
                checked={config.nodes}
                aria-describedby={`${ids.nodes}-hint`}
                onChange={(e) => update({ nodes: e.target.checked })}
              />
              <label htmlFor={ids.nodes}>Show nodes</label>
            </span>
            <p className={styles.hint} id={`${ids.nodes}-hint`}>
              A row of the grids’ nodes above the services: online or offline, CPU and memory.
            </p>
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
          <Button onClick={() => void copy(wallUrl)}>Copy</Button>
          <Link to={wallPath} target="_blank" rel="noopener" className={styles.open}>
            Open the wall
          </Link>
        </div>
        <p className={styles.status} role="status">
          {copied === 'copied'
            ? 'Copied.'
            : copied === 'failed'
              ? 'The browser did not allow copying: select the address and copy it.'
              : ''}
        </p>
        <p className={styles.hint}>“Open the wall” opens it in a new tab of this browser, signed in as you.</p>
        <ScreenSignInLink wallUrl={wallUrl} />
        <div className={styles.howto}>
          <h2 className={styles.resultTitle}>On the wall screen</h2>
          <ol>
            <li>
              Sign it in with a sign-in link (above), or with a token that does not expire, made where the Kontena CLI is set up:{' '}
              <code>kontena master token create --expires-in 0</code>; paste it on the screen's sign-in page and tick “Remember on this
              device”.
            </li>
            <li>Run the browser in kiosk mode (the README lists the Chromium flags that keep a background wall polling).</li>
          </ol>
        </div>
      </section>
    </div>
  );
}
