import { serviceDisplayName } from '../../../api/service-ref';
import { CheckboxField, ReadOnlyField, TextField } from '../form-controls';
import { useFormOptions } from '../form-options';
import { FormSection } from './form-section';

export function GeneralSection() {
  const { mode, original } = useFormOptions();
  return (
    <FormSection id="general">
      {original === null ? (
        <TextField
          name="name"
          label="Name"
          flag="NAME"
          hint="Letters, digits, _ and -. The service goes into the grid’s default stack."
          mono
        />
      ) : (
        <ReadOnlyField
          id="sf-name"
          label="Name"
          flag="NAME"
          value={serviceDisplayName(original)}
          reason="A service cannot be renamed: create a new one instead."
        />
      )}
      <TextField
        name="image"
        label="Image"
        flag={mode === 'create' ? 'IMAGE' : '--image'}
        hint="Without a tag, :latest is added, as the CLI does."
        placeholder="nginx:1.13"
        mono
      />
      <TextField
        name="instances"
        label="Instances"
        flag="--instances"
        hint="Default 1. With the daemon strategy: instances per node."
        inputMode="numeric"
        placeholder="1"
      />
      <TextField name="user" label="User" flag="-u, --user" hint="Default: the image’s user." mono />
      <TextField
        name="cmd"
        label="Cmd"
        flag="--cmd"
        hint="Split into words the way a shell does: sh -c 'echo hi'. Default: the image’s own command."
        mono
        wide
      />
      {original === null ? (
        <TextField name="entrypoint" label="Entrypoint" flag={null} hint="Default: the image’s own entrypoint." mono />
      ) : (
        <ReadOnlyField
          id="sf-entrypoint"
          label="Entrypoint"
          flag={null}
          value={original.entrypoint ?? '(the image’s own)'}
          reason="Fixed when the service is created: the master ignores entrypoint on update."
        />
      )}
      {original === null ? (
        <CheckboxField
          name="stateful"
          label="Stateful"
          flag="--stateful"
          hint="Each instance keeps its data volumes on its node across deploys. Cannot be changed later, and cannot be combined with Volumes from."
          deps={['volumesFrom']}
        />
      ) : (
        <ReadOnlyField
          id="sf-stateful"
          label="Stateful"
          flag="--stateful"
          value={original.stateful ? 'yes' : 'no'}
          reason="Fixed when the service is created: the master ignores stateful on update."
        />
      )}
    </FormSection>
  );
}
