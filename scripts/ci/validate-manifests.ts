// The fork's pull-request check of manifests/ (npm run validate:manifests); the project's tests
// call the same validateManifests, with the same kustomize (scripts/tools/build.sh, or KUSTOMIZE
// to use another binary). In GitHub Actions the settings are rendered for the fork's
// own repository (GITHUB_REPOSITORY), so the check sees the image name the fork will run.
import { capacityProfiles } from "../../tests/platform/lib/cloud-init";
import { platformSettings, sampleTerraformValues } from "../../tests/platform/lib/platform-env";
import { tool } from "../../tests/platform/lib/tools";
import { validateManifests } from "../../tests/platform/lib/validate-manifests";

const kustomize = process.env.KUSTOMIZE ?? tool("kustomize");
const repository = process.env.GITHUB_REPOSITORY;
let problems = 0;
// Each capacity profile applies its own tree (infra/capacity-profiles.json): check them all.
for (const profile of Object.keys(capacityProfiles.profiles)) {
  const settings = platformSettings(
    { ...sampleTerraformValues, ...(repository ? { github_repository: repository } : {}) },
    profile,
  );
  const report = validateManifests({ kustomize, settings });
  console.log(
    `validate-manifests (${profile}): ${report.kustomizations.length} Flux Kustomizations, ` +
      `${report.objects.length} objects, ${report.problems.length} problems`,
  );
  for (const problem of report.problems) console.error(`  ${problem}`);
  problems += report.problems.length;
}
process.exit(problems === 0 ? 0 : 1);
