import { stringify } from 'yaml';
import type { InstanceParams } from '../settings/build-instance-params';
import { PARAM_TABLE } from '../xsoar/param-table';
import type { ParamValue } from '../xsoar/param-types';

/**
 * The parameters as a plain object in YAML order (stable output, readable diffs).
 *
 * This is the `name → value` map every tool consumes (demisto-sdk `params`,
 * scripts); type-9 values stay objects, booleans stay booleans.
 */
export function orderedParams(params: InstanceParams): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const def of PARAM_TABLE) {
    const value = params[def.name];
    if (value !== undefined) out[def.name] = value;
  }
  return out;
}

/** Flat parameters as pretty JSON with a trailing newline. */
export function renderFlatJson(params: InstanceParams): string {
  return `${JSON.stringify(orderedParams(params), null, 2)}\n`;
}

const YAML_HEADER = `# Microsoft Graph Mail Single User: instance parameters (name -> value).
# Type-9 parameters are {credential, identifier, password, passwordChanged} objects;
# booleans are real booleans (a quoted "false" would mean true for self_deployed, insecure, proxy).
`;

/**
 * Flat parameters as YAML.
 *
 * Strings that YAML would read as numbers or booleans (`"50"`, `"1"`) are
 * quoted by the serializer, so the file reads back as the same types; PEM
 * keys become literal blocks.
 */
export function renderFlatYaml(params: InstanceParams): string {
  return YAML_HEADER + stringify(orderedParams(params), { lineWidth: 0 });
}
