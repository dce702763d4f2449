/**
 * The shell's part of the command palette: one key listener and nothing else. The palette
 * itself (and cmdk) loads with `import()` on its first opening, so the first route's
 * JavaScript pays only for this file.
 */
import { lazy, Suspense, useEffect, useState } from 'react';

const CommandPalette = lazy(async () => ({ default: (await import('./command-palette')).CommandPalette }));

/** Whether keys typed now go into a field (where `/` is text, not a shortcut). */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/** Another dialog or an open menu owns the keyboard (a native modal makes everything else inert). */
function otherDialogOpen(): boolean {
  return document.querySelector('dialog[open], [role="dialog"], [role="alertdialog"], [role="menu"]') !== null;
}

/** Ctrl+K / ⌘K anywhere, or `/` outside fields, opens the palette (once loaded, it stays mounted). */
export function PaletteLauncher() {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const commandK = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingInField(event.target);
      if (!commandK && !slash) return;
      // The palette's own Ctrl+K closes it; its dialog is the one that is open then.
      if (commandK && document.querySelector('[data-command-palette]') !== null) {
        event.preventDefault();
        setOpen(false);
        return;
      }
      if (otherDialogOpen()) return;
      event.preventDefault();
      setLoaded(true);
      setOpen(true);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  if (!loaded) return null;
  return (
    <Suspense fallback={null}>
      <CommandPalette open={open} onOpenChange={setOpen} />
    </Suspense>
  );
}
