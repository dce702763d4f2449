import { Fragment, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { Service } from '../../api/schemas/service';
import { serviceEnvAddMutation, serviceEnvRemoveMutation } from '../../api/service-mutations';
import type { ServiceRef } from '../../api/service-ref';
import { fieldErrorText, formErrorText } from '../../components/api-field-error';
import { Button } from '../../components/button';
import { DraftOfferBanner } from '../../components/draft-offer';
import { Panel, PanelTable } from '../../components/panel';
import { TextField } from '../../components/text-field';
import { useCheckedForm } from '../../components/use-checked-form';
import { useFormDraft } from '../../components/use-form-draft';
import { envKey, envValue, parseEnv } from '../../lib/options/env';
import { ChangeFailed, ChangeNote } from './change-note';
import { ConfirmInline } from './confirm-inline';
import { checkEnvAdd, NO_ENV_ENTRY } from './env-add-form';
import type { EnvAddValues } from './env-add-form';
import { envKeyCounts, sortEnvLikeCli } from './service-references';
import styles from './overview.module.css';

const MASK = '••••••••';
const NO_ENTRY = { entry: '' };

function addHint(draft: string, counts: Map<string, number>): string {
  const parsed = parseEnv(draft);
  if (draft.trim() === '' || !parsed.ok) return 'KEY=VALUE, added as is, like kontena service env add.';
  if (counts.has(parsed.value.key)) {
    return `${parsed.value.key} is already set: the master keeps both entries. Remove ${parsed.value.key} first to replace its value.`;
  }
  return parsed.warning ?? `Adds ${parsed.value.key}.`;
}

/** `kontena service env ls/add/rm`: the stored list, values masked until asked for. */
export function EnvPanel({ serviceRef, service }: { serviceRef: ServiceRef; service: Service }) {
  // "Show all values" is a mode, not a list of what was revealed: a variable added while
  // it is on is shown too. `flipped` holds the entries shown or hidden one by one against it.
  const [showAll, setShowAll] = useState(false);
  const [flipped, setFlipped] = useState<ReadonlySet<string>>(new Set());
  const form = useCheckedForm<EnvAddValues, string>({ defaultValues: NO_ENV_ENTRY, check: checkEnvAdd });
  const draft = form.watch('env');
  const [confirming, setConfirming] = useState<number | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const removeButtons = useRef(new Map<number, HTMLButtonElement>());
  // The row being added survives a sign-out, a reload or a crash until it is added.
  const kept = useFormDraft({ form: 'env-add', initial: NO_ENTRY, values: { entry: draft } });

  const sorted = sortEnvLikeCli(service.env);
  const counts = envKeyCounts(service.env);
  const isShown = (entry: string) => showAll !== flipped.has(entry);
  const allShown = sorted.length > 0 && sorted.every(isShown);

  const add = useMutation({
    ...serviceEnvAddMutation(serviceRef),
    onSuccess: (_answer, entry) => {
      kept.drop();
      form.reset(NO_ENV_ENTRY);
      setNote(`Added ${envKey(entry)}.`);
    },
  });
  // DELETE …/envs/KEY removes every entry of the key.
  const remove = useMutation({
    ...serviceEnvRemoveMutation(serviceRef),
    onSuccess: (_answer, key) => {
      setConfirming(null);
      setNote(`Removed ${key}.`);
    },
  });

  const onAdd = (event: FormEvent) => {
    setNote(null);
    remove.reset();
    void form.handleSubmit((entry) => add.mutate(entry))(event);
  };

  const toggle = (entry: string) =>
    setFlipped((current) => {
      const next = new Set(current);
      if (next.has(entry)) next.delete(entry);
      else next.add(entry);
      return next;
    });

  const fieldError = form.formState.errors.env?.message ?? fieldErrorText(add.error, 'env') ?? formErrorText(add.error, ['env']);
  const removeError = fieldErrorText(remove.error, 'env') ?? formErrorText(remove.error, []);

  return (
    <Panel
      id="overview-env"
      title="Environment"
      meta={sorted.length === 1 ? '1 variable' : `${sorted.length} variables`}
      tools={
        sorted.length > 0 ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setShowAll(!allShown);
              setFlipped(new Set());
            }}
          >
            {allShown ? 'Hide all values' : 'Show all values'}
          </Button>
        ) : undefined
      }
    >
      {sorted.length === 0 ? (
        <p className={styles.empty}>No environment variables.</p>
      ) : (
        <PanelTable columns={['Name', 'Value']} actions labelledBy="overview-env" className={styles.cells}>
          {sorted.map((entry, index) => {
            const key = envKey(entry);
            const value = envValue(entry);
            const shown = isShown(entry);
            const count = counts.get(key) ?? 1;
            return (
              <Fragment key={`${index}:${entry}`}>
                <tr>
                  <th scope="row" className={styles.cellMono}>
                    {key}
                  </th>
                  <td className={styles.secretValue}>
                    {value === null ? (
                      <span className={styles.muted}>(no “=”: stored without a value)</span>
                    ) : shown ? (
                      value === '' ? (
                        <span className={styles.muted}>(empty)</span>
                      ) : (
                        value
                      )
                    ) : (
                      <>
                        <span className={styles.masked} aria-hidden="true">
                          {MASK}
                        </span>
                        <span className="visually-hidden">hidden</span>
                      </>
                    )}
                  </td>
                  <td className={styles.cellActions}>
                    {value !== null && (
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-pressed={shown}
                        aria-label={`${shown ? 'Hide' : 'Show'} the value of ${key}`}
                        onClick={() => toggle(entry)}
                      >
                        {shown ? 'Hide' : 'Show'}
                      </Button>
                    )}
                    <Button
                      size="sm"
                      aria-label={count > 1 ? `Remove ${key} (all ${count} entries)` : `Remove ${key}`}
                      aria-expanded={confirming === index}
                      ref={(button) => {
                        if (button) removeButtons.current.set(index, button);
                        else removeButtons.current.delete(index);
                      }}
                      onClick={() => {
                        setNote(null);
                        remove.reset();
                        setConfirming(index);
                      }}
                    >
                      Remove
                    </Button>
                  </td>
                </tr>
                {confirming === index && (
                  <tr className={styles.confirmRow}>
                    <td colSpan={3}>
                      <ConfirmInline
                        text={count > 1 ? `Removes all ${count} entries of ${key}.` : `Removes ${key}.`}
                        confirmLabel={`Yes, remove ${key}`}
                        busy={remove.isPending}
                        onConfirm={() => remove.mutate(key)}
                        onCancel={() => {
                          setConfirming(null);
                          removeButtons.current.get(index)?.focus();
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </PanelTable>
      )}
      <ChangeFailed action={`remove ${remove.variables ?? ''}`} reason={removeError} />
      <ChangeNote text={note} state={service.state} />
      {kept.offer !== null && (
        <DraftOfferBanner
          placement="panel"
          offer={kept.offer}
          formName="Add an environment variable"
          onRestore={() => {
            form.setValue('env', kept.restore({ entry: draft }).entry);
            form.setFocus('env');
          }}
          onDiscard={kept.discard}
        />
      )}
      <form className={styles.form} onSubmit={onAdd} noValidate aria-label="Add an environment variable">
        <TextField
          className={styles.formGrow}
          label="Add variable"
          placeholder="KEY=VALUE"
          {...form.register('env', {
            onChange: () => {
              form.clearErrors();
              if (add.isError) add.reset();
            },
          })}
          error={fieldError}
          hint={addHint(draft, counts)}
        />
        <div className={styles.formSubmit}>
          <Button type="submit" variant="primary" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add'}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
