/**
 * The services list's view state: what the URL says (sort, filters, refresh), and the
 * filter box, which the list follows at every keystroke and the URL once typing pauses.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router';
import { URL_VIEW_STATE } from '../../components/url-view-state';
import { parseListView, writeListView } from '../../lib/service-list-view';
import type { ListView } from '../../lib/service-list-view';

/** The filter box writes the URL this long after the last keystroke (the list filters at once). */
const URL_WRITE_DELAY_MS = 300;

type SetListView = (patch: Partial<ListView>) => void;

/**
 * The view state of the URL, and a setter that writes it back (replacing, so Back leaves
 * the page). Writes build on the last view written rather than on the URL this render
 * saw: the router commits navigations in a transition, so two quick writes (a keystroke's
 * and a chip's) would otherwise each start from the same old URL and undo each other.
 */
export function useListView(): [ListView, SetListView] {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  const view = useMemo(() => parseListView(params), [params]);
  const desired = useRef<ListView | null>(null);
  useEffect(() => {
    // A link or Back/Forward (not one of our replaces): the URL is the truth again.
    if (navigationType !== 'REPLACE') desired.current = null;
  }, [location.key, navigationType]);
  const update = useCallback(
    (patch: Partial<ListView>) =>
      setParams((current) => {
        const next = { ...(desired.current ?? parseListView(current)), ...patch };
        desired.current = next;
        return writeListView(next, current);
      }, URL_VIEW_STATE),
    [setParams],
  );
  return [view, update];
}

interface FilterText {
  /** What the box shows. */
  text: string;
  setText: (text: string) => void;
  /** What the list filters by: the text, a keystroke late while rendering is busy. */
  deferredText: string;
}

/**
 * The filter box's text: the list follows every keystroke, the URL follows once typing
 * pauses. The box follows the URL only when the user navigated (a link, Back): our own
 * writes replace the entry, and must never pull the box back to an older value.
 */
export function useFilterText(view: ListView, setView: SetListView): FilterText {
  const location = useLocation();
  const navigationType = useNavigationType();
  const [text, setText] = useState(view.q);
  const [seenKey, setSeenKey] = useState(location.key);
  if (location.key !== seenKey) {
    setSeenKey(location.key);
    if (navigationType !== 'REPLACE' && view.q !== text) setText(view.q);
  }
  useEffect(() => {
    if (text === view.q) return;
    const timer = setTimeout(() => setView({ q: text }), URL_WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, view.q, setView]);
  const deferredText = useDeferredValue(text);
  return { text, setText, deferredText };
}
