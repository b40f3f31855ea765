"use client";

import { useState } from "react";
import {
  hostnameMaxLength,
  registerServerSchema,
  serverNameMaxLength,
  type ServerSpec,
} from "@/lib/servers/schema";
import { ChangePanel, primaryButton } from "./change-panel";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { fieldIssues } from "@/lib/field-issues";
import { useHydrated } from "./use-hydrated";
import { useChangeFlow, type ServerAction } from "./use-change-flow";
import { ErrorSummary } from "@/components/ui/error-summary";
import { serverFieldPlace } from "./server-field-places";

type Nic = {
  mode: "dhcp" | "static";
  mac: string;
  address: string;
  netmask: string;
  gateway: string;
  nameServers: string;
};

const emptyNic: Nic = {
  mode: "dhcp",
  mac: "",
  address: "",
  netmask: "255.255.255.0",
  gateway: "",
  nameServers: "",
};

function nicsOf(spec?: ServerSpec): Nic[] {
  if (!spec) return [emptyNic];
  return spec.interfaces.map((item) =>
    item.mode === "static"
      ? { ...item, nameServers: item.nameServers.join(", ") }
      : { ...emptyNic, mac: item.mac },
  );
}

/** Register (or edit) one server; the same schema checks it here and on the server. */
export function ServerForm({ action, initial }: { action: ServerAction; initial?: ServerSpec }) {
  const flow = useChangeFlow(action);
  const hydrated = useHydrated();
  const [form, setForm] = useState({
    name: initial?.name ?? "",
    hostname: initial?.hostname ?? "",
    arch: initial?.arch ?? "x86_64",
    firmware: initial?.firmware ?? "uefi",
    installDisk: initial?.installDisk ?? "/dev/sda",
    site: initial?.site ?? "",
    rack: initial?.rack ?? "",
    bmcAddress: initial?.bmc?.address ?? "",
    bmcSecret: initial?.bmc?.secretName ?? "",
    bmcPort: initial?.bmc?.port === undefined ? "" : String(initial.bmc.port),
  });
  const [bmcBasicAuth, setBmcBasicAuth] = useState(initial?.bmc?.basicAuth === true);
  const [nics, setNics] = useState<Nic[]>(nicsOf(initial));
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const setNic = (index: number, patch: Partial<Nic>) =>
    setNics(nics.map((nic, at) => (at === index ? { ...nic, ...patch } : nic)));
  const errors = (path: string) => flow.fields[path];
  const busy = flow.state.step === "previewing" || flow.state.step === "committing";

  const submit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    const input = {
      name: form.name,
      hostname: form.hostname || form.name,
      arch: form.arch,
      firmware: form.firmware,
      installDisk: form.installDisk,
      site: form.site,
      rack: form.rack,
      interfaces: nics.map((nic) => (nic.mode === "dhcp" ? { mode: "dhcp", mac: nic.mac } : nic)),
      ...(form.bmcAddress || form.bmcSecret
        ? {
            bmc: {
              address: form.bmcAddress,
              secretName: form.bmcSecret,
              port: form.bmcPort,
              basicAuth: bmcBasicAuth,
            },
          }
        : {}),
    };
    const checked = registerServerSchema.safeParse(input);
    if (!checked.success) {
      const fields = fieldIssues(checked.error);
      // A blank hostname is the name's; what is wrong with it is said under the name.
      if (!form.hostname) delete fields.hostname;
      flow.setFields(fields);
      return;
    }
    flow.setFields({});
    flow.preview(input);
  };

  if (
    flow.state.step === "confirm" ||
    flow.state.step === "done" ||
    flow.state.step === "committing"
  ) {
    return <ChangePanel state={flow.state} onConfirm={flow.confirm} onBack={flow.reset} />;
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      className="max-w-3xl space-y-5"
      aria-label={initial ? "Edit server" : "Register server"}
    >
      <fieldset disabled={!hydrated} className="contents space-y-5">
        <ErrorSummary fields={flow.fields} placeOf={serverFieldPlace} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="name"
            label="Name"
            errors={errors("name")}
            hint="Also the file name: lowercase letters, digits and '-'."
          >
            <input
              id="name"
              className={inputClass}
              value={form.name}
              onChange={set("name")}
              maxLength={serverNameMaxLength}
              readOnly={Boolean(initial)}
              required
            />
          </Field>
          <Field
            id="hostname"
            label="Hostname"
            errors={errors("hostname")}
            hint="RFC 1123; the name when left empty."
          >
            <input
              id="hostname"
              className={inputClass}
              value={form.hostname}
              onChange={set("hostname")}
              maxLength={hostnameMaxLength}
            />
          </Field>
          <Field id="arch" label="Architecture" errors={errors("arch")}>
            <select id="arch" className={inputClass} value={form.arch} onChange={set("arch")}>
              <option value="x86_64">x86_64</option>
              <option value="aarch64">aarch64</option>
            </select>
          </Field>
          <Field id="firmware" label="Boot firmware" errors={errors("firmware")}>
            <select
              id="firmware"
              className={inputClass}
              value={form.firmware}
              onChange={set("firmware")}
            >
              <option value="uefi">UEFI</option>
              <option value="bios">BIOS</option>
            </select>
          </Field>
          <Field id="installDisk" label="Install disk" errors={errors("installDisk")}>
            <input
              id="installDisk"
              className={inputClass}
              value={form.installDisk}
              onChange={set("installDisk")}
            />
          </Field>
          <div className="grid grid-cols-2 gap-4">
            <Field id="site" label="Site" errors={errors("site")}>
              <input id="site" className={inputClass} value={form.site} onChange={set("site")} />
            </Field>
            <Field id="rack" label="Rack" errors={errors("rack")}>
              <input id="rack" className={inputClass} value={form.rack} onChange={set("rack")} />
            </Field>
          </div>
        </div>
        <fieldset className="space-y-4">
          <legend className="text-sm font-semibold">Network interfaces</legend>
          {errors("interfaces")?.map((message) => (
            <p key={message} className="text-xs text-red-700">
              {message}
            </p>
          ))}
          {nics.map((nic, index) => (
            <div
              key={index}
              className="grid gap-3 rounded-md border border-zinc-200 p-3 sm:grid-cols-3 dark:border-zinc-800"
            >
              <Field
                id={`mac-${index}`}
                label={`MAC (interface ${index + 1})`}
                errors={errors(`interfaces.${index}.mac`)}
              >
                <input
                  id={`mac-${index}`}
                  className={inputClass}
                  value={nic.mac}
                  onChange={(e) => setNic(index, { mac: e.target.value })}
                />
              </Field>
              <Field
                id={`mode-${index}`}
                label="Address"
                errors={errors(`interfaces.${index}.mode`)}
              >
                <select
                  id={`mode-${index}`}
                  className={inputClass}
                  value={nic.mode}
                  onChange={(e) =>
                    setNic(index, { mode: e.target.value === "static" ? "static" : "dhcp" })
                  }
                >
                  <option value="dhcp">DHCP</option>
                  <option value="static">Static</option>
                </select>
              </Field>
              {nics.length > 1 ? (
                <button
                  type="button"
                  className="self-end text-sm underline"
                  onClick={() => setNics(nics.filter((_nic, at) => at !== index))}
                >
                  Remove interface {index + 1}
                </button>
              ) : (
                <span />
              )}
              {nic.mode === "static" ? (
                <>
                  <Field
                    id={`address-${index}`}
                    label="IP address"
                    errors={errors(`interfaces.${index}.address`)}
                  >
                    <input
                      id={`address-${index}`}
                      className={inputClass}
                      value={nic.address}
                      onChange={(e) => setNic(index, { address: e.target.value })}
                    />
                  </Field>
                  <Field
                    id={`netmask-${index}`}
                    label="Netmask"
                    errors={errors(`interfaces.${index}.netmask`)}
                  >
                    <input
                      id={`netmask-${index}`}
                      className={inputClass}
                      value={nic.netmask}
                      onChange={(e) => setNic(index, { netmask: e.target.value })}
                    />
                  </Field>
                  <Field
                    id={`gateway-${index}`}
                    label="Gateway"
                    errors={errors(`interfaces.${index}.gateway`)}
                  >
                    <input
                      id={`gateway-${index}`}
                      className={inputClass}
                      value={nic.gateway}
                      onChange={(e) => setNic(index, { gateway: e.target.value })}
                    />
                  </Field>
                  <Field
                    id={`dns-${index}`}
                    label="DNS servers"
                    errors={
                      errors(`interfaces.${index}.nameServers`) ??
                      errors(`interfaces.${index}.nameServers.0`)
                    }
                    hint="Comma-separated IPv4 addresses."
                  >
                    <input
                      id={`dns-${index}`}
                      className={inputClass}
                      value={nic.nameServers}
                      onChange={(e) => setNic(index, { nameServers: e.target.value })}
                    />
                  </Field>
                </>
              ) : null}
            </div>
          ))}
          {nics.length < 8 ? (
            <button
              type="button"
              className="text-sm underline"
              onClick={() => setNics([...nics, emptyNic])}
            >
              Add an interface
            </button>
          ) : null}
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="text-sm font-semibold">BMC (optional)</legend>
          <Field id="bmcAddress" label="BMC address" errors={errors("bmc.address")}>
            <input
              id="bmcAddress"
              className={inputClass}
              value={form.bmcAddress}
              onChange={set("bmcAddress")}
            />
          </Field>
          <Field
            id="bmcSecret"
            label="Secret with the BMC credentials"
            errors={errors("bmc.secretName")}
            hint="A Secret in the tinkerbell namespace; never the credentials themselves."
          >
            <input
              id="bmcSecret"
              className={inputClass}
              value={form.bmcSecret}
              onChange={set("bmcSecret")}
            />
          </Field>
          <Field
            id="bmcPort"
            label="BMC Redfish port"
            errors={errors("bmc.port")}
            hint="Empty for 443."
          >
            <input
              id="bmcPort"
              className={inputClass}
              inputMode="numeric"
              value={form.bmcPort}
              onChange={set("bmcPort")}
            />
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={bmcBasicAuth}
              onChange={(event) => setBmcBasicAuth(event.target.checked)}
            />
            Basic auth on every request (for a BMC without Redfish sessions)
          </label>
        </fieldset>
        <ChangePanel state={flow.state} onConfirm={flow.confirm} onBack={flow.reset} />
        <button type="submit" className={primaryButton} disabled={busy}>
          {busy ? "Preparing…" : "Preview the commit"}
        </button>
      </fieldset>
    </form>
  );
}
