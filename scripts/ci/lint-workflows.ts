// The fork's workflows through actionlint and shellcheck (npm run validate:workflows); the
// project's tests run the same function (tests/platform/workflows.test.ts).
import { actionlint } from "../../tests/platform/lib/actionlint";

const { ok, findings } = actionlint(process.argv.slice(2));
for (const finding of findings) console.error(finding);
console.log(`actionlint: ${findings.length} findings`);
process.exit(ok ? 0 : 1);
