import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { KNOWN_CAPABILITIES } from '../../../lib/options/capabilities';
import { CheckboxField, OptionFlag, ReadOnlyField, RowInput, fieldId } from '../form-controls';
import { useFormOptions } from '../form-options';
import { RowList } from '../row-list';
import { NEW_ROW, type PrivilegedChoice, type ServiceForm } from '../service-form-model';
import styles from '../service-form.module.css';
import { FormSection } from './form-section';

const CAPABILITIES_LIST = 'sf-capabilities';

const PRIVILEGED_CHOICES: { value: PrivilegedChoice; label: string }[] = [
  { value: 'keep', label: 'Leave as it is' },
  { value: 'on', label: 'On' },
  { value: 'off', label: 'Off' },
];

function PrivilegedField() {
  const { mode } = useFormOptions();
  const { control } = useFormContext<ServiceForm>();
  const id = fieldId('privileged');
  if (mode === 'create') {
    return (
      <Controller
        control={control}
        name="privileged"
        render={({ field }) => (
          <div className={styles.field}>
            <div className={styles.checkRow}>
              <input
                id={id}
                ref={field.ref}
                type="checkbox"
                className={styles.checkbox}
                checked={field.value === 'on'}
                onChange={(event) => field.onChange(event.target.checked ? 'on' : 'off')}
                onBlur={field.onBlur}
                aria-describedby={`${id}-hint`}
              />
              <label htmlFor={id} className={styles.label}>
                Privileged
              </label>
              <OptionFlag flag="--privileged" />
            </div>
            <p id={`${id}-hint`} className={`${styles.hint} ${styles.checkHint}`}>
              Extended privileges on the node. The master stores it but never shows it again.
            </p>
          </div>
        )}
      />
    );
  }
  return (
    <Controller
      control={control}
      name="privileged"
      render={({ field }) => (
        <fieldset className={styles.radioField} aria-describedby={`${id}-hint`}>
          <legend className={styles.legend}>
            <span className={styles.label}>Privileged</span> <OptionFlag flag="--privileged" />
          </legend>
          <div className={styles.radios}>
            {PRIVILEGED_CHOICES.map((choice) => (
              <label key={choice.value} className={styles.radio}>
                <input
                  type="radio"
                  name={field.name}
                  value={choice.value}
                  ref={choice.value === 'keep' ? field.ref : undefined}
                  id={choice.value === 'keep' ? id : undefined}
                  checked={field.value === choice.value}
                  onChange={() => field.onChange(choice.value)}
                  onBlur={field.onBlur}
                />
                {choice.label}
              </label>
            ))}
          </div>
          <p id={`${id}-hint`} className={styles.hint}>
            The master never returns privileged, so its current value cannot be shown. “Leave as it is” sends nothing and keeps it. (The
            CLI’s <code>service update</code> always sends it, and so turns it off unless --privileged is given.)
          </p>
        </fieldset>
      )}
    />
  );
}

function DevicesField() {
  const { mode } = useFormOptions();
  const { control } = useFormContext<ServiceForm>();
  const replace = useWatch({ control, name: 'replaceDevices' });
  const list = (
    <RowList
      name="devices"
      label="Devices"
      flag={null}
      noun="device"
      newRow={NEW_ROW.text}
      hint="A host device for the containers: /dev/fuse, /dev/sdc:/dev/xvdc or /dev/sdc:/dev/xvdc:r (permissions r, w, m)."
      renderRow={(i) => <RowInput name={`devices.${i}.value`} label={`Device ${i + 1}`} placeholder="/dev/fuse" />}
    />
  );
  if (mode === 'create') return list;
  return (
    <div className={styles.stack}>
      <CheckboxField
        name="replaceDevices"
        label="Replace the devices"
        flag={null}
        hint="The master never returns a service’s devices, so the list below cannot show them. Left unchecked, the stored devices are kept; checked, they are replaced by the list (an empty list removes them)."
      />
      {replace && list}
    </div>
  );
}

export function SecuritySection() {
  const { original } = useFormOptions();
  return (
    <FormSection id="security">
      <PrivilegedField />
      {original === null ? (
        <CheckboxField
          name="pid"
          label="Pid host"
          flag="--pid host"
          hint="Use the node’s process namespace. Default: the container’s own."
        />
      ) : (
        <ReadOnlyField
          id="sf-pid"
          label="Pid"
          flag="--pid"
          value={original.pid ?? 'the container’s own'}
          reason="Fixed when the service is created: the master ignores pid on update (the CLI sends it anyway)."
        />
      )}
      <datalist id={CAPABILITIES_LIST}>
        {KNOWN_CAPABILITIES.map((cap) => (
          <option key={cap} value={cap} />
        ))}
      </datalist>
      <RowList
        name="capAdd"
        label="Cap add"
        flag="--cap-add"
        noun="added capability"
        newRow={NEW_ROW.text}
        hint="Linux capabilities to add, e.g. NET_ADMIN."
        renderRow={(i) => (
          <RowInput name={`capAdd.${i}.value`} label={`Added capability ${i + 1}`} list={CAPABILITIES_LIST} placeholder="NET_ADMIN" />
        )}
      />
      <RowList
        name="capDrop"
        label="Cap drop"
        flag="--cap-drop"
        noun="dropped capability"
        newRow={NEW_ROW.text}
        hint="Linux capabilities to drop, e.g. MKNOD."
        renderRow={(i) => (
          <RowInput name={`capDrop.${i}.value`} label={`Dropped capability ${i + 1}`} list={CAPABILITIES_LIST} placeholder="MKNOD" />
        )}
      />
      <DevicesField />
    </FormSection>
  );
}
