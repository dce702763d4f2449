import { useFormContext } from 'react-hook-form';
import { RowInput } from '../form-controls';
import { useFormOptions } from '../form-options';
import { RowList } from '../row-list';
import { NEW_ROW, type ServiceForm } from '../service-form-model';
import styles from '../service-form.module.css';
import { FormSection } from './form-section';

function OneshotCell({ index }: { index: number }) {
  const { register } = useFormContext<ServiceForm>();
  return (
    <div className={`${styles.rowCell} ${styles.rowCheck}`}>
      <input
        type="checkbox"
        className={styles.checkbox}
        aria-label={`Hook ${index + 1} runs once`}
        {...register(`hooks.${index}.oneshot`)}
      />
    </div>
  );
}

export function HooksSection() {
  const { mode } = useFormOptions();
  return (
    <FormSection id="hooks">
      <RowList
        name="hooks"
        label="Post-start hooks"
        flag={null}
        noun="hook"
        newRow={NEW_ROW.hook}
        columns={['Name', 'Command', 'Instances', 'Once']}
        layout={styles.colsHook}
        hint={
          <>
            A command run in each new container after it starts. Instances: * for all, or numbers such as 1,2. Once: only the first time.
            {mode === 'update' && ' The master does not return a hook’s instances: give them again if you change the hooks.'}
          </>
        }
        renderRow={(i) => (
          <>
            <RowInput name={`hooks.${i}.name`} label={`Hook ${i + 1} name`} placeholder="migrate" />
            <RowInput name={`hooks.${i}.cmd`} label={`Hook ${i + 1} command`} placeholder="rake db:migrate" />
            <RowInput name={`hooks.${i}.instances`} label={`Hook ${i + 1} instances`} placeholder="*" />
            <OneshotCell index={i} />
          </>
        )}
      />
    </FormSection>
  );
}
