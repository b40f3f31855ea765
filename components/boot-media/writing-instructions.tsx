/** How to put the media on a stick or a BMC; the commands name the file the page offers. */
export function WritingInstructions({ fileName }: { fileName: string }) {
  return (
    <section aria-labelledby="writing" className="space-y-2 text-sm">
      <h2 id="writing" className="text-base font-semibold">
        Using the media
      </h2>
      <p>
        Check the download first: <code className="font-mono text-xs">sha256sum {fileName}</code>{" "}
        must print the SHA-256 shown above.
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <strong>dd</strong> (Linux, macOS): find the stick with <code>lsblk</code> or{" "}
          <code>diskutil list</code>, then{" "}
          <code className="font-mono text-xs">
            sudo dd if={fileName} of=/dev/sdX bs=4M conv=fsync status=progress
          </code>{" "}
          — everything on <code>/dev/sdX</code> is overwritten.
        </li>
        <li>
          <strong>balenaEtcher</strong>: Flash from file, pick {fileName}, pick the stick, Flash.
        </li>
        <li>
          <strong>Rufus</strong> (Windows): pick the file; for the ISO answer &quot;Write in DD
          Image mode&quot; when asked (ISO mode would rebuild the stick and drop BIOS boot).
        </li>
        <li>
          <strong>BMC virtual media</strong> (ISO): iDRAC: Virtual Console → Virtual Media → Connect
          → Map CD/DVD; iLO: Remote Console → Virtual Drives → Image File CD/DVD-ROM;
          IPMI/Supermicro: Virtual Media → CD-ROM image (or a share the BMC can reach). Then set the
          next boot to the virtual CD and power-cycle.
        </li>
      </ul>
      <p>
        On boot the server brings up its network, reports to this console (per-server media) and
        chains to Tinkerbell; when something is unreachable it says so on its screen and retries.
      </p>
    </section>
  );
}
