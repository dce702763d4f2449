import { useCallback, useState } from 'react';

type CopyOutcome = 'copied' | 'failed' | null;

/**
 * Copy buttons: writes the text to the clipboard and says how it went. The clipboard may
 * be refused (no permission, not a secure origin): `onRefused` then helps the user copy by
 * hand (e.g. selects the text).
 */
export function useCopyToClipboard(): {
  outcome: CopyOutcome;
  copy: (text: string, onRefused?: () => void) => Promise<void>;
  clear: () => void;
} {
  const [outcome, setOutcome] = useState<CopyOutcome>(null);
  const copy = useCallback(async (text: string, onRefused?: () => void): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      onRefused?.();
      setOutcome('failed');
    }
  }, []);
  const clear = useCallback(() => setOutcome(null), []);
  return { outcome, copy, clear };
}
