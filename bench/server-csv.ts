/** CSV rows of distinct servers, as the bulk form takes them. */
const header = "name,hostname,mac,arch,firmware,disk,site,rack";

export const macOf = (i: number) =>
  `02:00:${[i >> 16, (i >> 8) & 255, i & 255].map((n) => n.toString(16).padStart(2, "0")).join(":")}:01`;

export const csvOf = (from: number, count: number) =>
  [
    header,
    ...Array.from(
      { length: count },
      (_, k) =>
        `bench-${from + k},bench-${from + k},${macOf(from + k)},x86_64,uefi,/dev/sda,ams${k % 3},rack${k % 20}`,
    ),
  ].join("\n");
