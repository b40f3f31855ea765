import type { FreeTierAssessment } from "@/lib/oci/assess";
import { formatAmount, formatBytes } from "./format";
import { ResourceTable } from "./resource-table";

const mono = (text: string) => <span className="font-mono text-xs">{text}</span>;
const named = (row: { name: string; id?: string }) => <span title={row.id}>{row.name}</span>;

/** The four tables of the Cloud page, each a column list over the shared ResourceTable. */
export function ResourceTables({ assessment }: { assessment: FreeTierAssessment }) {
  return (
    <>
      <ResourceTable
        title="Compute instances"
        section={assessment.instances}
        rowKey={(row) => row.id}
        empty="No compute instances in this compartment."
        columns={[
          { header: "Name", cell: named },
          { header: "Shape", cell: (row) => mono(row.shape) },
          { header: "OCPUs", cell: (row) => formatAmount(row.ocpus), numeric: true },
          { header: "Memory (GB)", cell: (row) => formatAmount(row.memoryGb), numeric: true },
          { header: "State", cell: (row) => row.state },
        ]}
      />
      <ResourceTable
        title="Boot and block volumes"
        section={assessment.volumes}
        rowKey={(row) => row.id}
        empty="No volumes in this compartment."
        columns={[
          { header: "Name", cell: named },
          { header: "Kind", cell: (row) => row.kind },
          { header: "Size (GB)", cell: (row) => formatAmount(row.sizeGb), numeric: true },
          { header: "VPUs/GB", cell: (row) => formatAmount(row.vpusPerGb), numeric: true },
          { header: "State", cell: (row) => row.state },
        ]}
      />
      <ResourceTable
        title="Buckets"
        section={assessment.buckets}
        rowKey={(row) => row.name}
        empty="No buckets in this compartment."
        columns={[
          { header: "Name", cell: named },
          { header: "Tier", cell: (row) => row.storageTier },
          {
            header: "Size (approx.)",
            cell: (row) => formatBytes(row.approximateBytes),
            numeric: true,
          },
          {
            header: "Objects",
            cell: (row) =>
              row.approximateObjects === undefined ? "—" : String(row.approximateObjects),
            numeric: true,
          },
        ]}
      />
      <ResourceTable
        title="Load balancers"
        section={assessment.loadBalancers}
        rowKey={(row) => row.id}
        empty="No load balancers in this compartment."
        columns={[
          { header: "Name", cell: named },
          { header: "Shape", cell: (row) => mono(row.shape) },
          {
            header: "Bandwidth (Mbps)",
            cell: (row) => `${row.minimumMbps ?? "?"}–${row.maximumMbps ?? "?"}`,
            numeric: true,
          },
          { header: "State", cell: (row) => row.state },
        ]}
      />
    </>
  );
}
