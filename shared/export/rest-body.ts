import { INTEGRATION_BRAND, INTEGRATION_CATEGORY, PARAM_TABLE, type ParamDefinition } from '../xsoar/param-table';
import type { ParamType, ParamValue } from '../xsoar/param-types';
import type { CheckedExport } from './export-input';

/** The classifier and incoming mapper the integration ships (spec §0). */
export const DEFAULT_MAPPING_ID = 'Microsoft Graph Mail Single User';
/** The incoming mapper the integration ships. */
export const DEFAULT_INCOMING_MAPPER_ID = 'Microsoft Graph Mail Single User-mapper';

/**
 * One `data[]` entry: the parameter's definition as the module declares it,
 * plus the value.
 *
 * Key casing follows the integration YAML (`displaypassword`,
 * `hiddenusername`); the server's own casing is an open question (spec), and
 * XSOAR matches entries by `name`.
 */
export interface RestDataEntry {
  readonly name: string;
  readonly display: string;
  readonly displaypassword?: string;
  readonly hiddenusername?: boolean;
  readonly type: ParamType;
  readonly required: boolean;
  readonly hidden: boolean;
  readonly advanced: boolean;
  readonly section: 'Connect' | 'Collect';
  readonly defaultValue: string;
  readonly options: readonly string[];
  readonly info: string;
  readonly value: ParamValue;
  readonly hasvalue: true;
}

/** The instance object for `PUT /settings/integration` (spec §5a). */
export interface RestInstanceBody {
  readonly name: string;
  readonly brand: typeof INTEGRATION_BRAND;
  readonly category: typeof INTEGRATION_CATEGORY;
  readonly id: '';
  /** A string, as demisto-sdk and both Terraform providers send it. */
  readonly enabled: 'true';
  readonly version: number;
  readonly engine: string;
  readonly isIntegrationScript: true;
  readonly passwordProtected: false;
  readonly canSample: true;
  readonly incomingMapperId: string;
  readonly mappingId: string;
  readonly outgoingMapperId: string;
  readonly data: readonly RestDataEntry[];
}

/** Options of the REST body. */
export interface RestBodyOptions {
  /** Engine id; empty runs the instance on the server (default ""). */
  readonly engine?: string;
  /**
   * Optimistic-concurrency version. Default -1, as both Terraform providers
   * send on create and update; demisto-sdk sends 0 on create only.
   */
  readonly version?: number;
}

/**
 * Builds the REST instance object from checked settings.
 *
 * Unset parameters are **omitted** from `data[]`: spec §6.2 asks for absent,
 * not empty, values; TF-2's `value: ""` for an unset type-9 parameter may
 * reach the script as a string and crash it; and demisto-sdk's copying of
 * defaults is unnecessary because our settings carry every defaulted value
 * explicitly. Entries follow the YAML order. `configuration` (the module
 * object from `/settings/integration/search`) is left out: it exists only on
 * the server, and XSOAR resolves the module from `brand`.
 */
export function buildRestBody(checked: CheckedExport, options: RestBodyOptions = {}): RestInstanceBody {
  const data = (PARAM_TABLE as readonly ParamDefinition[]).flatMap((def) => {
    const value = checked.params[def.name as keyof typeof checked.params];
    return value === undefined ? [] : [dataEntry(def, value)];
  });
  return {
    name: checked.instanceName,
    brand: INTEGRATION_BRAND,
    category: INTEGRATION_CATEGORY,
    id: '',
    enabled: 'true',
    version: options.version ?? -1,
    engine: options.engine ?? '',
    isIntegrationScript: true,
    passwordProtected: false,
    canSample: true,
    incomingMapperId: DEFAULT_INCOMING_MAPPER_ID,
    mappingId: DEFAULT_MAPPING_ID,
    outgoingMapperId: '',
    data,
  };
}

function dataEntry(def: ParamDefinition, value: ParamValue): RestDataEntry {
  return {
    name: def.name,
    display: def.display,
    ...(def.displaypassword === undefined ? {} : { displaypassword: def.displaypassword }),
    ...(def.hiddenusername === undefined ? {} : { hiddenusername: def.hiddenusername }),
    type: def.type,
    required: def.required,
    hidden: def.hidden,
    advanced: def.advanced,
    section: def.section,
    defaultValue: def.defaultValue ?? '',
    options: [],
    info: def.info ?? '',
    value,
    hasvalue: true,
  };
}
