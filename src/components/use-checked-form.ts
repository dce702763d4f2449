/**
 * react-hook-form for the dashboard's small forms (the add rows of the service page, the
 * secrets page): a pure check of the values as typed gives either what the form sends or
 * one message per input. The form is checked when it is submitted, never while typing,
 * and leaves the focus where the user put it; each form clears its messages itself when
 * the user types again. The service form, whose messages sit at nested paths and show as
 * inputs are left, has its own resolver (features/service-form/form-resolver.ts).
 */
import { useForm } from 'react-hook-form';
import type { DefaultValues, FieldErrors, FieldValues, Resolver, UseFormReturn } from 'react-hook-form';

/** What a check of the form's values found: what to send, or a message per input. */
export type FormCheck<TValues, TSent> = { ok: true; value: TSent } | { ok: false; errors: Partial<Record<keyof TValues & string, string>> };

type FormChecker<TValues, TContext, TSent> = (values: TValues, context: TContext | undefined) => FormCheck<TValues, TSent>;

/** The check as a react-hook-form resolver: `handleSubmit` gets what to send. */
function checkResolver<TValues extends FieldValues, TContext, TSent>(
  check: FormChecker<TValues, TContext, TSent>,
): Resolver<TValues, TContext, TSent> {
  return (values, context) => {
    const result = check(values, context);
    if (result.ok) return { values: result.value, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const [field, message] of Object.entries(result.errors)) {
      if (typeof message === 'string') errors[field] = { type: 'validate', message };
    }
    // The forms' values are flat, so a message per field name is react-hook-form's error tree.
    return { values: {}, errors: errors as FieldErrors<TValues> };
  };
}

export function useCheckedForm<TValues extends FieldValues, TSent, TContext = undefined>(options: {
  defaultValues: DefaultValues<TValues>;
  check: FormChecker<TValues, TContext, TSent>;
  context?: TContext;
}): UseFormReturn<TValues, TContext, TSent> {
  return useForm<TValues, TContext, TSent>({
    defaultValues: options.defaultValues,
    resolver: checkResolver(options.check),
    context: options.context,
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
}
