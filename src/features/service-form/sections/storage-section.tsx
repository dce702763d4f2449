import { useFormContext, useWatch } from 'react-hook-form';
import { RowInput } from '../form-controls';
import { useFormOptions } from '../form-options';
import { RowList } from '../row-list';
import { NEW_ROW, type ServiceForm } from '../service-form-model';
import { FormSection } from './form-section';

export function StorageSection() {
  const { original } = useFormOptions();
  const { control } = useFormContext<ServiceForm>();
  const statefulInForm = useWatch({ control, name: 'stateful' });
  const stateful = original?.stateful ?? statefulInForm;
  return (
    <FormSection id="storage">
      <RowList
        name="volumes"
        label="Volumes"
        flag="-v, --volume"
        noun="volume"
        newRow={NEW_ROW.text}
        hint={
          <>
            /path (a volume of its own), /host/path:/path[:ro] (a bind mount) or volume-name:/path[:flags] (a named volume of the grid).
            {original?.stateful === true && ' This service is stateful: only named volumes can be added.'}
          </>
        }
        renderRow={(i) => <RowInput name={`volumes.${i}.value`} label={`Volume ${i + 1}`} placeholder="/data" />}
      />
      <RowList
        name="volumesFrom"
        label="Volumes from"
        flag="--volumes-from"
        noun="volumes-from container"
        newRow={NEW_ROW.text}
        hint={
          stateful
            ? 'A stateful service cannot mount volumes from other containers.'
            : 'A container to mount all volumes from; %s is the instance number, e.g. data-%s.'
        }
        renderRow={(i) => <RowInput name={`volumesFrom.${i}.value`} label={`Volumes from ${i + 1}`} placeholder="data-%s" />}
      />
    </FormSection>
  );
}
