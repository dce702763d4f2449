import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, Resolver } from 'react-hook-form';
import type { FormContext } from './option-groups';
import type { ServiceForm } from './service-form-model';
import { validateServiceForm } from './validate-form';

/**
 * react-hook-form validation with the CLI's parsers and the master's rules: the form
 * context says create or update (and, for update, the service it started from).
 */
export const serviceFormResolver: Resolver<ServiceForm, FormContext> = (values, context, options) => {
  if (context === undefined) return { values, errors: {} };
  const { errors } = validateServiceForm(values, context);
  if (errors.length === 0) return { values, errors: {} };
  const flat: Record<string, FieldError> = {};
  for (const error of errors) flat[error.path] ??= { type: 'validate', message: error.message };
  return { values: {}, errors: toNestErrors(flat, options) };
};
