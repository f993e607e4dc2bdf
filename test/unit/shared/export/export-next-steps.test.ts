import { describe, expect, it } from 'vitest';
import { exportNextSteps, type NextStepsInput } from '../../../../shared/export/export-next-steps';

const base: NextStepsInput = {
  format: 'params',
  fileNames: ['SOC.params.json'],
  instanceName: 'MS Graph Mail SU - SOC',
  selfDeployed: false,
  containsSecrets: false,
  sendToXsoarHere: true,
};
const texts = (input: Partial<NextStepsInput>) => exportNextSteps({ ...base, ...input }).map((s) => (s.code === undefined ? s.text : `${s.text} ${s.code}`));

describe('exportNextSteps', () => {
  it('says how each format becomes an instance, then the test, then points to Send to XSOAR', () => {
    expect(texts({})).toEqual([
      'In XSOAR, open the integration settings, search for “Microsoft Graph Mail Single User” and choose Add instance, name it “MS Graph Mail SU - SOC” and enter each value from SOC.params.json (or hand the file to your deployment tooling).',
      'After saving the instance, prove it works from the Playground: !msgraph-mail-test',
      'Or let this app do it: Send to Cortex XSOAR, below, creates or updates the instance through the API and runs the test.',
    ]);
    expect(texts({ format: 'rest', fileNames: ['SOC.xsoar-instance.json', 'SOC.xsoar-instance.curl.sh'] })[0]).toContain('sh SOC.xsoar-instance.curl.sh xsoar8');
    expect(texts({ format: 'terraform-cortex', fileNames: ['main.tf', 'terraform.tfvars.example'] })[0]).toBe(
      'In the folder of main.tf, copy terraform.tfvars.example to terraform.tfvars, fill in the secrets, then run: terraform init && terraform apply',
    );
    expect(texts({ format: 'checklist-html', fileNames: ['SOC.checklist.html'] })[0]).toContain('follow SOC.checklist.html field by field');
    expect(texts({ sendToXsoarHere: false }).join(' ')).not.toContain('Send to Cortex XSOAR');
  });

  it('warns about the code’s 10 minutes and secrets in plain text when they apply', () => {
    const all = texts({ selfDeployed: true, containsSecrets: true });
    expect(all.some((t) => t.includes('about 10 minutes'))).toBe(true);
    expect(all.some((t) => t.includes('delete them once XSOAR has the values'))).toBe(true);
    expect(texts({}).some((t) => t.includes('10 minutes') || t.includes('plain text'))).toBe(false);
  });

  it('a bundle goes to another analyst, not to XSOAR', () => {
    const bundle = texts({ format: 'bundle', fileNames: ['SOC.gma-bundle'], containsSecrets: true, selfDeployed: true });
    expect(bundle).toEqual([
      'Give SOC.gma-bundle to the other analyst, and the passphrase through another channel (a call, not the same e-mail).',
      'They open it with Profiles → Import settings or bundle…; the secrets go straight into their keychain.',
    ]);
  });
});
