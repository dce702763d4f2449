import { useFormContext, useWatch } from 'react-hook-form';
import { EnvBulkEditor } from '../env-bulk-editor';
import { RowInput, RowSelect } from '../form-controls';
import { useFormOptions } from '../form-options';
import { RowList } from '../row-list';
import { NEW_ROW, type ServiceForm } from '../service-form-model';
import styles from '../service-form.module.css';
import { FormSection } from './form-section';

function SecretCell({ index }: { index: number }) {
  const { secretNames } = useFormOptions();
  const { control } = useFormContext<ServiceForm>();
  const value = useWatch({ control, name: `secrets.${index}.secret` });
  const name = `secrets.${index}.secret` as const;
  if (secretNames === null) return <RowInput name={name} label={`Secret ${index + 1} from the vault`} placeholder="DB_PASSWORD" />;
  const options = [{ value: '', label: 'Pick a secret…' }, ...secretNames.map((secret) => ({ value: secret, label: secret }))];
  if (value !== '' && !secretNames.includes(value)) options.push({ value, label: `${value} (not in the vault)` });
  return <RowSelect name={name} label={`Secret ${index + 1} from the vault`} options={options} />;
}

export function EnvSection() {
  const { mode, secretsProblem, secretNames } = useFormOptions();
  return (
    <FormSection id="env">
      <RowList
        name="env"
        label="Env"
        flag="-e, --env"
        noun="variable"
        newRow={NEW_ROW.keyValue}
        columns={['Name', 'Value']}
        layout={styles.colsKeyValue}
        hint={
          mode === 'update'
            ? 'The list replaces the service’s variables. An update cannot empty a variable: a variable left with an empty value keeps its current value.'
            : 'Variables of the containers; values are kept as written, = and spaces included.'
        }
        renderRow={(i) => (
          <>
            <RowInput name={`env.${i}.key`} label={`Variable ${i + 1} name`} placeholder="NAME" />
            <RowInput name={`env.${i}.value`} label={`Variable ${i + 1} value`} placeholder="value" />
          </>
        )}
        footer={<EnvBulkEditor />}
      />
      <RowList
        name="secrets"
        label="Secrets"
        flag="--secret"
        noun="secret"
        newRow={NEW_ROW.secret}
        columns={['Secret (vault)', 'As variable']}
        layout={styles.colsTwo}
        hint={
          <>
            A secret of the grid’s vault, given to the containers as an environment variable.
            {secretNames !== null && secretNames.length === 0 && ' The vault has no secrets yet.'}
            {secretsProblem !== null && <> {secretsProblem}</>}
          </>
        }
        renderRow={(i) => (
          <>
            <SecretCell index={i} />
            <RowInput name={`secrets.${i}.name`} label={`Secret ${i + 1} variable name`} placeholder="DB_PASSWORD" />
          </>
        )}
      />
    </FormSection>
  );
}
