/**
 * What the Cloud page reads, as OCI policy statements for a subject such as
 * "dynamic-group metal-foundry-control-plane" or "group foundry-readers".
 */
export function freeTierReadStatements(subject: string, compartment = "tenancy"): string[] {
  return [
    `Allow ${subject} to read instance-family in ${compartment}`,
    `Allow ${subject} to read volume-family in ${compartment}`,
    `Allow ${subject} to read buckets in ${compartment}`,
    `Allow ${subject} to read load-balancers in ${compartment}`,
    `Allow ${subject} to read usage-reports in tenancy`,
  ];
}
