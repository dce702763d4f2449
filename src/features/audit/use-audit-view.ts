/**
 * The audit trail's filters in the URL (components/url-view-state.ts), and the two text
 * boxes, which narrow the list at every keystroke and write the URL once typing pauses.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router';
import { URL_VIEW_STATE } from '../../components/url-view-state';
import { formatAuditSearch, parseAuditFilters } from './audit-filters';
import type { AuditFilters } from './audit-filters';

/** A text box writes the URL this long after the last keystroke. */
const URL_WRITE_DELAY_MS = 300;

type SetAuditFilters = (patch: Partial<AuditFilters>) => void;

/**
 * The filters of the URL and a setter that replaces the entry. Writes build on the last
 * filters written rather than on the URL this render saw: two quick writes (a keystroke's
 * and a select's) would otherwise each start from the same old URL and undo each other.
 */
export function useAuditFilters(): [AuditFilters, SetAuditFilters] {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  const filters = useMemo(() => parseAuditFilters(params), [params]);
  const desired = useRef<AuditFilters | null>(null);
  useEffect(() => {
    // A link or Back/Forward (not one of our replaces): the URL is the truth again.
    if (navigationType !== 'REPLACE') desired.current = null;
  }, [location.key, navigationType]);
  const update = useCallback(
    (patch: Partial<AuditFilters>) =>
      setParams((current) => {
        const next = { ...(desired.current ?? parseAuditFilters(current)), ...patch };
        desired.current = next;
        return new URLSearchParams(formatAuditSearch(next));
      }, URL_VIEW_STATE),
    [setParams],
  );
  return [filters, update];
}

/**
 * A text filter's box: what it shows, following the URL only when the user navigated (a
 * link, Back), never pulled back by our own delayed writes.
 */
export function useFilterText(value: string, write: (text: string) => void): [string, (text: string) => void] {
  const location = useLocation();
  const navigationType = useNavigationType();
  const [text, setText] = useState(value);
  const [seenKey, setSeenKey] = useState(location.key);
  if (location.key !== seenKey) {
    setSeenKey(location.key);
    if (navigationType !== 'REPLACE' && value !== text) setText(value);
  }
  // The latest writer, read when the pause ends: a re-render (a poll, the clock) makes a new one, which must not restart the pause.
  const writeRef = useRef(write);
  useEffect(() => {
    writeRef.current = write;
  });
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => writeRef.current(text), URL_WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value]);
  return [text, setText];
}
