import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { fieldErrorText, formErrorText } from '../../components/api-field-error';
import { Button } from '../../components/button';
import { DraftOfferBanner } from '../../components/draft-offer';
import { TextField } from '../../components/text-field';
import { useFormDraft } from '../../components/use-form-draft';
import { volumeCreateMutation } from '../../api/stack-mutations';
import { CliLine } from './cli-line';
import { checkVolumeForm, NO_OPTION, NO_VOLUME, VOLUME_SCOPES, volumeCreateCommand } from './volume-form';
import type { VolumeFormErrors, VolumeFormValues, VolumeScope } from './volume-form';
import styles from './volumes-page.module.css';

const SCOPE_HINTS: Record<VolumeScope, string> = {
  instance: 'one docker volume per instance (service.volume-1, -2, …)',
  stack: 'one per stack, shared by its services on a node',
  grid: 'one per node, shared by every service there',
};

/**
 * `kontena volume create`: name, scope, driver and driver options, checked as the master
 * checks them before anything is sent. The option rows come and go, so the values are
 * React state (not react-hook-form), kept as a draft while typed.
 */
export function CreateVolumeForm({ grid, onCreated }: { grid: string; onCreated: (name: string) => void }) {
  const id = useId();
  const [values, setValues] = useState<VolumeFormValues>(NO_VOLUME);
  const [errors, setErrors] = useState<VolumeFormErrors>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const driverRef = useRef<HTMLInputElement>(null);
  const kept = useFormDraft({ form: 'volume-create', initial: NO_VOLUME, values });
  const create = useMutation({
    ...volumeCreateMutation(grid),
    onSuccess: (volume) => {
      kept.drop();
      setValues(NO_VOLUME);
      onCreated(volume.name);
    },
  });

  // Typing again clears what the last attempt reported.
  const edit = (next: VolumeFormValues) => {
    setValues(next);
    setErrors({});
    if (create.isError) create.reset();
  };
  const editOption = (index: number, change: Partial<{ key: string; value: string }>) =>
    edit({ ...values, options: values.options.map((row, i) => (i === index ? { ...row, ...change } : row)) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkVolumeForm(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      // The first field with a message gets the focus, so it is read out.
      const { name, driver } = checked.errors;
      const row = Object.keys(checked.errors).find((key) => key.startsWith('options.'));
      if (name !== undefined) nameRef.current?.focus();
      else if (driver !== undefined) driverRef.current?.focus();
      else if (row !== undefined) document.getElementById(`${id}-${row.replace('.', '-')}`)?.focus();
      return;
    }
    create.mutate(checked.body);
  };

  const nameError = errors.name ?? fieldErrorText(create.error, 'name');
  const driverError = errors.driver ?? fieldErrorText(create.error, 'driver');
  const scopeError = errors.scope ?? fieldErrorText(create.error, 'scope');
  const optionsError = fieldErrorText(create.error, 'driver_opts');
  const formError = formErrorText(create.error, ['name', 'driver', 'scope', 'driver_opts']);

  return (
    <>
      {kept.offer !== null && (
        <DraftOfferBanner
          placement="panel"
          offer={kept.offer}
          formName="New volume"
          onRestore={() => {
            setValues(kept.restore(values));
            nameRef.current?.focus();
          }}
          onDiscard={kept.discard}
        />
      )}
      <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className={styles.formTitle}>
          New volume
        </h2>
        <div className={styles.formRow}>
          <TextField
            ref={nameRef}
            className={styles.nameField}
            label="Name"
            placeholder="pgdata"
            value={values.name}
            onChange={(event) => edit({ ...values, name: event.target.value })}
            error={nameError}
            hint="Letters, digits, _ and -, not starting with -."
          />
          <TextField
            ref={driverRef}
            className={styles.driverField}
            label="Driver"
            value={values.driver}
            onChange={(event) => edit({ ...values, driver: event.target.value })}
            error={driverError}
            hint="The docker volume driver on the nodes."
          />
        </div>
        <fieldset className={styles.scopes} aria-describedby={`${id}-scope-message`}>
          <legend className={styles.label}>Scope</legend>
          {VOLUME_SCOPES.map((scope) => (
            <label key={scope} className={styles.scope}>
              <input
                type="radio"
                name={`${id}-scope`}
                value={scope}
                checked={values.scope === scope}
                onChange={() => edit({ ...values, scope })}
              />
              <strong>{scope}</strong> <span className={styles.muted}>{SCOPE_HINTS[scope]}</span>
            </label>
          ))}
          <p id={`${id}-scope-message`} className={scopeError !== null ? styles.error : 'visually-hidden'}>
            {scopeError ?? 'Where the docker volumes are shared.'}
          </p>
        </fieldset>
        <fieldset className={styles.options}>
          <legend className={styles.label}>Driver options</legend>
          {values.options.map((row, index) => {
            const rowError = errors[`options.${index}`];
            const number = index + 1;
            return (
              // The rows have no identity but their place; a removed row shifts the rest up.
              <div key={index} className={styles.optionRow}>
                <label className="visually-hidden" htmlFor={`${id}-options-${index}`}>
                  Option {number} key
                </label>
                <input
                  id={`${id}-options-${index}`}
                  className={styles.input}
                  placeholder="key"
                  autoComplete="off"
                  spellCheck={false}
                  value={row.key}
                  aria-invalid={rowError !== undefined || undefined}
                  aria-describedby={rowError !== undefined ? `${id}-options-${index}-message` : undefined}
                  onChange={(event) => editOption(index, { key: event.target.value })}
                />
                <span aria-hidden="true">=</span>
                <label className="visually-hidden" htmlFor={`${id}-options-${index}-value`}>
                  Option {number} value
                </label>
                <input
                  id={`${id}-options-${index}-value`}
                  className={styles.input}
                  placeholder="value"
                  autoComplete="off"
                  spellCheck={false}
                  value={row.value}
                  onChange={(event) => editOption(index, { value: event.target.value })}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove option ${number}`}
                  onClick={() => {
                    const rest = values.options.filter((_, i) => i !== index);
                    edit({ ...values, options: rest.length === 0 ? [NO_OPTION] : rest });
                  }}
                >
                  Remove
                </Button>
                {rowError !== undefined && (
                  <p id={`${id}-options-${index}-message`} className={styles.error}>
                    {rowError}
                  </p>
                )}
              </div>
            );
          })}
          <div>
            <Button size="sm" onClick={() => edit({ ...values, options: [...values.options, NO_OPTION] })}>
              Add option
            </Button>
          </div>
          {optionsError !== null && <p className={styles.error}>{optionsError}</p>}
        </fieldset>
        <CliLine line={volumeCreateCommand(values, grid)} />
        <div className={styles.submit}>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create volume'}
          </Button>
        </div>
        {formError !== null && (
          <p role="alert" className={styles.formError}>
            {formError}
          </p>
        )}
      </form>
    </>
  );
}
