/*
 * The two steps of the gold-image install, run by /bin/sh in Alpine (busybox) on HookOS. The
 * image is streamed once: its SHA-256 is taken of the bytes downloaded while they are unpacked
 * onto the disk, beside the SHA-256 and length of what was written. The check then reads the
 * disk back. Any mismatch or failure wipes the partition tables at both ends of the disk, so the
 * server cannot boot a wrong image, or the old system the install was meant to replace.
 *
 * The steps share a folder of HookOS's own (its tmpfs), mounted into both actions and named by
 * IMAGE_STATE_DIR.
 */
export const goldImageStateDir = "/var/lib/foundry-image";

const wipe = [
  "wipe() {",
  '  echo "foundry: $1; wiping the partition tables of $DEST_DISK so it does not boot" >&2',
  '  size=$(blockdev --getsize64 "$DEST_DISK" 2>/dev/null || stat -c %s "$DEST_DISK")',
  '  dd if=/dev/zero of="$DEST_DISK" bs=1M count=4 conv=notrunc 2>/dev/null || true',
  // GPT keeps a copy of its header and table in the last sectors of the disk.
  '  if [ "$size" -gt 8388608 ]; then',
  '    dd if=/dev/zero of="$DEST_DISK" bs=1M count=4 seek=$((size / 1048576 - 4)) conv=notrunc 2>/dev/null || true',
  "  fi",
  "  sync",
  "  exit 1",
  "}",
];

const tools = [
  // Alpine's busybox has no xz, zstd or qemu-img: fetched from Alpine's own repository.
  'need() { command -v "$1" >/dev/null 2>&1 || apk add --no-cache "$2" >/dev/null || wipe "cannot install $2"; }',
  'case "$IMAGE_FORMAT" in',
  "  raw) unpack=cat ;;",
  '  xz) need xz xz; unpack="xz -dc" ;;',
  '  zst) need zstd zstd; unpack="zstd -dc" ;;',
  "  qcow2) need qemu-img qemu-img ;;",
  '  *) wipe "unknown image format $IMAGE_FORMAT" ;;',
  "esac",
];

export const writeImageScript = [
  "set -eu",
  // A failure anywhere in the stream fails the step (busybox ash has pipefail).
  "set -o pipefail",
  ...wipe,
  ...tools,
  'state="$IMAGE_STATE_DIR"',
  'rm -rf "$state" && mkdir -p "$state"',
  'echo "foundry: writing $IMAGE_URL ($IMAGE_FORMAT) to $DEST_DISK"',
  'if [ "$IMAGE_FORMAT" = qcow2 ]; then',
  // qcow2 cannot be read as a stream: it is checked before a byte of it is written.
  '  wget -q -O "$state/image.qcow2" "$IMAGE_URL" || wipe "the image could not be downloaded"',
  '  sha256sum "$state/image.qcow2" | cut -d " " -f 1 >"$state/downloaded.sha256"',
  '  if [ "$(cat "$state/downloaded.sha256")" = "$(echo "$IMAGE_SHA256" | tr A-F a-f)" ]; then',
  '    qemu-img convert -n -f qcow2 -O raw "$state/image.qcow2" "$DEST_DISK" || wipe "qemu-img could not write the image"',
  '    echo qcow2 >"$state/written.kind"',
  "  fi",
  '  rm -f "$state/image.qcow2"',
  "else",
  '  mkfifo "$state/downloaded" "$state/unpacked" "$state/counted"',
  '  sha256sum <"$state/downloaded" | cut -d " " -f 1 >"$state/downloaded.sha256" &',
  '  tee "$state/counted" <"$state/unpacked" | sha256sum | cut -d " " -f 1 >"$state/written.sha256" &',
  '  wc -c <"$state/counted" | tr -d " " >"$state/written.bytes" &',
  '  wget -q -O - "$IMAGE_URL" | tee "$state/downloaded" | $unpack | tee "$state/unpacked" |',
  '    dd of="$DEST_DISK" bs=4M conv=notrunc,fsync 2>/dev/null || wipe "the image could not be downloaded, unpacked or written"',
  "  wait",
  '  echo stream >"$state/written.kind"',
  "fi",
  "sync",
].join("\n");

export const verifyImageScript = [
  "set -eu",
  ...wipe,
  'state="$IMAGE_STATE_DIR"',
  'expected=$(echo "$IMAGE_SHA256" | tr A-F a-f)',
  'downloaded=$(cat "$state/downloaded.sha256" 2>/dev/null || true)',
  '[ -n "$downloaded" ] || wipe "write-image left no checksum"',
  '[ "$downloaded" = "$expected" ] || wipe "the image downloaded has SHA-256 $downloaded, not $expected"',
  'if [ "$(cat "$state/written.kind" 2>/dev/null)" = stream ]; then',
  '  bytes=$(cat "$state/written.bytes")',
  '  ondisk=$(head -c "$bytes" "$DEST_DISK" | sha256sum | cut -d " " -f 1)',
  '  [ "$ondisk" = "$(cat "$state/written.sha256")" ] || wipe "the disk does not hold the image that was downloaded"',
  'elif [ "$(cat "$state/written.kind" 2>/dev/null)" != qcow2 ]; then',
  '  wipe "write-image did not finish"',
  "fi",
  'echo "foundry: the image on $DEST_DISK has SHA-256 $expected, as pinned"',
].join("\n");
