import { useFormContext, useWatch } from 'react-hook-form';
import { RowInput, RowSelect, SelectField, TextField } from '../form-controls';
import { useFormOptions } from '../form-options';
import { RowList } from '../row-list';
import { NEW_ROW, type ServiceForm } from '../service-form-model';
import styles from '../service-form.module.css';
import { FormSection } from './form-section';

const NET_MODES = [
  { value: 'bridge', label: 'bridge: the grid’s overlay network (default)' },
  { value: 'host', label: 'host: the node’s own network' },
  { value: 'container', label: 'container: share another container’s network' },
];

function NetFields() {
  const { control } = useFormContext<ServiceForm>();
  const mode = useWatch({ control, name: 'netMode' });
  return (
    <>
      <SelectField name="netMode" label="Net" flag="--net" options={NET_MODES} deps={['netContainer']} />
      {mode === 'container' && (
        <TextField
          name="netContainer"
          label="Net container"
          flag="--net container:NAME"
          hint="The container whose network to share; %s is the instance number."
          placeholder="other-%s"
          mono
        />
      )}
    </>
  );
}

function LinkTargetCell({ index }: { index: number }) {
  const { linkChoices, ownStack } = useFormOptions();
  const { control } = useFormContext<ServiceForm>();
  const value = useWatch({ control, name: `links.${index}.target` });
  const name = `links.${index}.target` as const;
  if (linkChoices === null) return <RowInput name={name} label={`Link ${index + 1} service`} placeholder="redis or stack/redis" />;
  const options = [
    { value: '', label: 'Pick a service…' },
    ...linkChoices.map((choice) => ({
      value: choice.target,
      label: choice.target,
      group: choice.stack === ownStack ? 'This stack' : `Stack ${choice.stack}`,
    })),
  ];
  if (value !== '' && !linkChoices.some((choice) => choice.target === value))
    options.push({ value, label: `${value} (not in the grid)`, group: 'Not found' });
  return <RowSelect name={name} label={`Link ${index + 1} service`} options={options} />;
}

export function NetworkingSection() {
  const { linkChoicesProblem, ownStack } = useFormOptions();
  return (
    <FormSection id="networking">
      <RowList
        name="ports"
        label="Ports"
        flag="-p, --ports"
        noun="port"
        newRow={NEW_ROW.text}
        hint="[ip:]node_port:container_port[/protocol], e.g. 8080:80 or 127.0.0.1:5353:53/udp. Default ip 0.0.0.0, protocol tcp."
        renderRow={(i) => <RowInput name={`ports.${i}.value`} label={`Port ${i + 1}`} placeholder="8080:80" />}
      />
      <NetFields />
      <RowList
        name="links"
        label="Links"
        flag="-l, --link"
        noun="link"
        newRow={NEW_ROW.link}
        columns={['Service', 'Alias']}
        layout={styles.colsTwo}
        hint={
          <>
            A service of this grid; the alias is the name it has inside this service’s containers (default: the service). Services of
            {ownStack === 'null' ? ' the default stack' : ` stack ${ownStack}`} are written without their stack.
            {linkChoicesProblem !== null && <> {linkChoicesProblem}</>}
          </>
        }
        renderRow={(i) => (
          <>
            <LinkTargetCell index={i} />
            <RowInput name={`links.${i}.alias`} label={`Link ${i + 1} alias`} placeholder="same as the service" />
          </>
        )}
      />
    </FormSection>
  );
}
