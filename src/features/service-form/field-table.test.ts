// The option groups' table is the one list of which input feeds which body field: labels,
// sections and the save area's messages read it through bodyKeyOfPath.
import { describe, expect, it } from 'vitest';
import { BODY_KEYS, OPTION_GROUPS } from './option-groups';
import { emptyServiceForm, type ServiceForm } from './service-form-model';
import { bodyKeyOfPath, describePath } from './validate-form';

describe('the field table', () => {
  it('puts every input of the form in exactly one body field', () => {
    const fields = Object.keys(emptyServiceForm()) as (keyof ServiceForm)[];
    for (const field of fields) {
      const owners = BODY_KEYS.filter((key) => OPTION_GROUPS[key].fields.includes(field));
      expect({ field, owners }).toEqual({ field, owners: [bodyKeyOfPath(field)] });
    }
    const listed = BODY_KEYS.flatMap((key) => OPTION_GROUPS[key].fields);
    expect([...listed].sort()).toEqual([...fields].sort());
  });

  it('reads the body field and the words of an input path', () => {
    expect(bodyKeyOfPath('netContainer')).toBe('net');
    expect(bodyKeyOfPath('deployMinHealth')).toBe('deploy_opts');
    expect(bodyKeyOfPath('replaceDevices')).toBe('devices');
    expect(bodyKeyOfPath('ports.1.value')).toBe('ports');
    expect(bodyKeyOfPath('healthCheck.uri')).toBe('health_check');
    expect(bodyKeyOfPath('volumesFrom.root')).toBe('volumes_from');
    expect(bodyKeyOfPath('grid')).toBeNull();
    expect(bodyKeyOfPath('toString')).toBeNull();
    expect(describePath('ports.1.value')).toBe('Ports, row 2');
    expect(describePath('memorySwap')).toBe('Memory swap');
    expect(describePath('healthCheck.uri')).toBe('Health check URI');
    expect(describePath('grid')).toBe('grid');
  });
});
