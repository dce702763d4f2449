import { useFormContext, useWatch } from 'react-hook-form';
import { AFFINITY_SUBJECTS } from '../../../lib/options/affinity';
import { RowInput, RowSelect, SelectField, TextField } from '../form-controls';
import { useFormOptions } from '../form-options';
import { RowList } from '../row-list';
import { NEW_ROW, type ServiceForm } from '../service-form-model';
import styles from '../service-form.module.css';
import { FormSection } from './form-section';

const STRATEGIES = [
  { value: 'ha', label: 'ha (default): spread over nodes and zones' },
  { value: 'daemon', label: 'daemon: Instances on each node' },
  { value: 'random', label: 'random: any node' },
];

const OPERATORS = [
  { value: '==', label: '==' },
  { value: '!=', label: '!=' },
];

function AffinityRowCells({ index }: { index: number }) {
  const { control } = useFormContext<ServiceForm>();
  const subject = useWatch({ control, name: `affinity.${index}.subject` });
  const subjects = [
    ...AFFINITY_SUBJECTS.map((s) => ({ value: s, label: s })),
    ...(subject === '' ? [{ value: '', label: 'as stored' }] : []),
  ];
  const placeholder = { node: 'node-1', label: 'az=a', service: 'redis', container: 'web-%s', '': '' }[subject];
  return (
    <>
      <RowSelect name={`affinity.${index}.subject`} label={`Affinity ${index + 1} kind`} options={subjects} />
      {subject === '' ? (
        <span className={styles.rowCell} />
      ) : (
        <RowSelect name={`affinity.${index}.operator`} label={`Affinity ${index + 1} operator`} options={OPERATORS} />
      )}
      <RowInput
        name={`affinity.${index}.value`}
        label={`Affinity ${index + 1} value`}
        list={subject === '' ? undefined : `sf-affinity-${subject}`}
        placeholder={placeholder}
      />
    </>
  );
}

export function DeploySection() {
  const { nodeNames, nodeLabels, serviceNames } = useFormOptions();
  return (
    <FormSection id="deploy">
      <SelectField name="strategy" label="Deploy strategy" flag="--deploy-strategy" options={STRATEGIES} />
      <TextField
        name="deployWaitForPort"
        label="Deploy wait for port"
        flag="--deploy-wait-for-port"
        hint="Wait for this port to answer before deploying the next instance. Default: do not wait."
        inputMode="numeric"
        placeholder="8080"
      />
      <TextField
        name="deployMinHealth"
        label="Deploy min health"
        flag="--deploy-min-health"
        hint="0.0 to 1.0: the share of instances that stay up while deploying. Default 0.8."
        inputMode="decimal"
        placeholder="0.8"
      />
      <TextField
        name="deployInterval"
        label="Deploy interval"
        flag="--deploy-interval"
        hint="Redeploy automatically this often: 30min, 12h, 7d, or seconds. Default: never."
        placeholder="12h"
        mono
      />
      <datalist id="sf-affinity-node">
        {nodeNames.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <datalist id="sf-affinity-label">
        {nodeLabels.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <datalist id="sf-affinity-service">
        {serviceNames.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <datalist id="sf-affinity-container">
        {serviceNames.map((n) => (
          <option key={n} value={`${n}-%s`} />
        ))}
      </datalist>
      <RowList
        name="affinity"
        label="Affinity"
        flag="-a, --affinity"
        noun="affinity rule"
        newRow={NEW_ROW.affinity}
        columns={['Kind', 'Is', 'Value']}
        layout={styles.colsAffinity}
        hint="Where instances may run: node==node-1, label==az=a, service!=web, container==db-%s (%s is the instance number). Checked at deploy time."
        renderRow={(i) => <AffinityRowCells index={i} />}
      />
    </FormSection>
  );
}
