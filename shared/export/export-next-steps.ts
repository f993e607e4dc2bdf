import type { ExportChoice } from './export-choice';

/** What the next steps depend on. */
export interface NextStepsInput {
  readonly format: ExportChoice;
  /** File names (no folders) of what was written, the main file first. */
  readonly fileNames: readonly string[];
  readonly instanceName: string;
  /** The self-deployed method: its authorization code expires about 10 minutes after it was obtained. */
  readonly selfDeployed: boolean;
  readonly containsSecrets: boolean;
  /** The Send-to-XSOAR panel is on the same screen. */
  readonly sendToXsoarHere: boolean;
}

/** One step: a sentence, and optionally a command or name to show as code after it. */
export interface NextStep {
  readonly text: string;
  readonly code?: string;
}

const ADD_INSTANCE = 'In XSOAR, open the integration settings, search for “Microsoft Graph Mail Single User” and choose Add instance';

/**
 * What to do with the files just exported, in XSOAR's terms: how this format
 * becomes an instance, then the test that proves it, and the cautions that
 * apply (the code's 10 minutes, secrets in plain text). Pure, so the wording
 * is tested without a page.
 */
export function exportNextSteps(input: NextStepsInput): NextStep[] {
  const [main = '', companion] = input.fileNames;
  const instance = `“${input.instanceName}”`;
  const steps: NextStep[] = [];
  switch (input.format) {
    case 'bundle':
      steps.push({ text: `Give ${main} to the other analyst, and the passphrase through another channel (a call, not the same e-mail).` });
      steps.push({ text: 'They open it with Profiles → Import settings or bundle…; the secrets go straight into their keychain.' });
      return steps;
    case 'rest':
      steps.push({
        text: `Create the instance ${instance} with the curl script next to the body; it reads the API key from the environment (XSOAR_API_KEY, XSOAR_API_KEY_ID, XSOAR_FQDN):`,
        code: `sh ${companion ?? main} xsoar8   # or xsoar6`,
      });
      break;
    case 'params':
    case 'params-yaml':
      steps.push({ text: `${ADD_INSTANCE}, name it ${instance} and enter each value from ${main} (or hand the file to your deployment tooling).` });
      break;
    case 'terraform-xsoar':
    case 'terraform-cortex':
      steps.push({
        text: input.containsSecrets || companion === undefined ? `In the folder of ${main}, run:` : `In the folder of ${main}, copy ${companion} to terraform.tfvars, fill in the secrets, then run:`,
        code: 'terraform init && terraform apply',
      });
      break;
    case 'checklist-md':
    case 'checklist-html':
      steps.push({ text: `${ADD_INSTANCE}, then follow ${main} field by field; it names every box to fill and tick.` });
      break;
  }
  steps.push({ text: 'After saving the instance, prove it works from the Playground:', code: '!msgraph-mail-test' });
  if (input.selfDeployed) steps.push({ text: 'The authorization code is accepted for about 10 minutes after it was obtained: save the instance before then, or get a new code first.' });
  if (input.containsSecrets) steps.push({ text: 'The files hold working secrets in plain text: delete them once XSOAR has the values.' });
  if (input.sendToXsoarHere) steps.push({ text: 'Or let this app do it: Send to Cortex XSOAR, below, creates or updates the instance through the API and runs the test.' });
  return steps;
}
