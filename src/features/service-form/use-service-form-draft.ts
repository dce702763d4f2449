import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useFormDraft } from '../../components/use-form-draft';
import { deepEqual } from '../../lib/deep-equal';
import type { DraftOffer } from '../../components/use-form-draft';
import { fieldId } from './form-controls';
import type { FormContext } from './option-groups';
import type { ServiceForm } from './service-form-model';

interface ServiceFormDraft {
  offer: DraftOffer | null;
  /** Puts the draft back into the form (over what it shows now) and focuses the first field it changed. */
  restore: () => void;
  discard: () => void;
  drop: () => void;
}

/**
 * The service form's draft (components/use-form-draft): react-hook-form keeps the values
 * outside React state, so every change is passed on from its watch, and a restore resets
 * the form to the draft while keeping its defaults, so it counts as changed (the leave
 * guard asks, "Review changes" diffs against the service).
 */
export function useServiceFormDraft(
  form: UseFormReturn<ServiceForm, FormContext>,
  options: { form: string; initial: ServiceForm; revision?: string | null },
): ServiceFormDraft {
  const draft = useFormDraft<ServiceForm>(options);
  const { save } = draft;
  useEffect(() => {
    const subscription = form.watch(() => save(form.getValues()));
    return () => subscription.unsubscribe();
  }, [form, save]);
  return {
    offer: draft.offer,
    restore: () => {
      const current = form.getValues();
      const next = draft.restore(current);
      form.reset(next, { keepDefaultValues: true });
      const first = Object.keys(next).find((key) => !deepEqual(next[key as keyof ServiceForm], current[key as keyof ServiceForm]));
      // The first field put back takes focus (the offer and its buttons are gone); a list has no one input to focus.
      if (first !== undefined) document.getElementById(fieldId(first))?.focus();
    },
    discard: draft.discard,
    drop: draft.drop,
  };
}
