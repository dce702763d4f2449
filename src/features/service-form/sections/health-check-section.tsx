import { useFormContext, useWatch } from 'react-hook-form';
import { SelectField, TextField } from '../form-controls';
import type { ServiceForm } from '../service-form-model';
import styles from '../service-form.module.css';
import { FormSection } from './form-section';

const PROTOCOLS = [
  { value: '', label: 'none (no health check)' },
  { value: 'http', label: 'http' },
  { value: 'tcp', label: 'tcp' },
];

export function HealthCheckSection() {
  const { control } = useFormContext<ServiceForm>();
  const protocol = useWatch({ control, name: 'healthCheck.protocol' });
  return (
    <FormSection id="healthCheck">
      <SelectField
        name="healthCheck.protocol"
        label="Health check protocol"
        flag="--health-check-protocol"
        options={PROTOCOLS}
        deps={['healthCheck.port']}
      />
      {protocol === '' ? (
        <p className={styles.sectionText}>
          Choose http or tcp to check the instances’ health. Defaults: URI /, timeout 10 s, interval 60 s, initial delay 10 s.
        </p>
      ) : (
        <>
          <TextField
            name="healthCheck.port"
            label="Health check port"
            flag="--health-check-port"
            hint="The container port to check."
            inputMode="numeric"
            placeholder="8080"
          />
          {protocol === 'http' && (
            <TextField name="healthCheck.uri" label="Health check URI" flag="--health-check-uri" hint="Default /." placeholder="/" mono />
          )}
          <TextField
            name="healthCheck.timeout"
            label="Health check timeout"
            flag="--health-check-timeout"
            hint="Seconds. Default 10."
            inputMode="numeric"
            placeholder="10"
            deps={['healthCheck.interval']}
          />
          <TextField
            name="healthCheck.interval"
            label="Health check interval"
            flag="--health-check-interval"
            hint="Seconds, at least the timeout. Default 60."
            inputMode="numeric"
            placeholder="60"
          />
          <TextField
            name="healthCheck.initialDelay"
            label="Health check initial delay"
            flag="--health-check-initial-delay"
            hint="Seconds before the first check. Default 10."
            inputMode="numeric"
            placeholder="10"
          />
        </>
      )}
    </FormSection>
  );
}
