import { RowInput, TextField } from '../form-controls';
import { RowList } from '../row-list';
import { NEW_ROW } from '../service-form-model';
import styles from '../service-form.module.css';
import { FormSection } from './form-section';

const LOG_DRIVERS = ['json-file', 'syslog', 'journald', 'gelf', 'fluentd', 'awslogs', 'splunk', 'gcplogs', 'none'];

export function LoggingSection() {
  return (
    <FormSection id="logging">
      <datalist id="sf-log-drivers">
        {LOG_DRIVERS.map((driver) => (
          <option key={driver} value={driver} />
        ))}
      </datalist>
      <TextField
        name="logDriver"
        label="Log driver"
        flag="--log-driver"
        hint="Default: the node’s Docker default (json-file)."
        list="sf-log-drivers"
        placeholder="json-file"
        mono
      />
      <RowList
        name="logOpts"
        label="Log opts"
        flag="--log-opt"
        noun="log option"
        newRow={NEW_ROW.keyValue}
        columns={['Option', 'Value']}
        layout={styles.colsKeyValue}
        hint="Options of the log driver, e.g. max-size 10m."
        renderRow={(i) => (
          <>
            <RowInput name={`logOpts.${i}.key`} label={`Log option ${i + 1} name`} placeholder="max-size" />
            <RowInput name={`logOpts.${i}.value`} label={`Log option ${i + 1} value`} placeholder="10m" />
          </>
        )}
      />
    </FormSection>
  );
}
