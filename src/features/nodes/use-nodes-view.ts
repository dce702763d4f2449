/**
 * The nodes list's view state from the URL, a setter writing it back (replacing the entry:
 * no history step per click), and the filter box's text, which the list follows at every
 * keystroke and the URL once typing pauses.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router';
import { URL_VIEW_STATE } from '../../components/url-view-state';
import { parseNodesView, writeNodesView } from './nodes-view';
import type { NodesView } from './nodes-view';

const URL_WRITE_DELAY_MS = 300;

export function useNodesView(): {
  view: NodesView;
  setView: (patch: Partial<NodesView>) => void;
  text: string;
  setText: (t: string) => void;
} {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseNodesView(params), [params]);
  const setView = useCallback(
    (patch: Partial<NodesView>) =>
      setParams((current) => writeNodesView({ ...parseNodesView(current), ...patch }, current), URL_VIEW_STATE),
    [setParams],
  );

  // The box follows the URL only when the user navigated (a link, Back), never our own replaces.
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
  return { view, setView, text, setText };
}
