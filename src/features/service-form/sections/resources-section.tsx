import { TextField } from '../form-controls';
import { FormSection } from './form-section';

export function ResourcesSection() {
  return (
    <FormSection id="resources">
      <TextField
        name="cpuShares"
        label="CPU shares"
        flag="-c, --cpu-shares"
        hint="A relative weight from 0 to 1024. Default: Docker’s (1024)."
        inputMode="numeric"
        placeholder="1024"
      />
      <TextField
        name="memory"
        label="Memory"
        flag="-m, --memory"
        hint="A limit in bytes, or with k, m or g: 512m, 1g. Default: no limit."
        placeholder="512m"
        mono
        deps={['memorySwap']}
      />
      <TextField
        name="memorySwap"
        label="Memory swap"
        flag="--memory-swap"
        hint="Memory and swap together, same units. Default: twice Memory (Docker’s). The CLI’s -1 is not accepted."
        placeholder="1g"
        mono
      />
    </FormSection>
  );
}
