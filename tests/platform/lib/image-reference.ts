// The image reference grammar the kubelet parses with (github.com/distribution/reference v0.6.0,
// the version Kubernetes v1.33.5 requires: reference.go, regexp.go, normalize.go). A name that
// fails it is InvalidImageName; the path part must be lower case.
const alphanumeric = "[a-z0-9]+";
const separator = "(?:[._]|__|[-]+)";
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const tag = "[\\w][\\w.-]{0,127}";
const digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";

const path = new RegExp(`^${pathComponent}(?:/${pathComponent})*$`);
const domainOnly = new RegExp(`^${domain}$`);
const tagOnly = new RegExp(`^${tag}$`);
const digestOnly = new RegExp(`^${digest}$`);

export function imageReferenceProblem(reference: string): string | undefined {
  let rest = reference;
  const at = rest.indexOf("@");
  if (at >= 0) {
    if (!digestOnly.test(rest.slice(at + 1))) return `${reference}: not a valid digest`;
    rest = rest.slice(0, at);
  }
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    if (!tagOnly.test(rest.slice(colon + 1))) return `${reference}: not a valid tag`;
    rest = rest.slice(0, colon);
  }
  // normalize.go: the first component is a registry when it has a dot or a port, is localhost,
  // or is not lower case; otherwise the name is on Docker Hub.
  let remote = rest;
  const slash = rest.indexOf("/");
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (/[.:]/.test(first) || first === "localhost" || first.toLowerCase() !== first) {
      if (!domainOnly.test(first)) return `${reference}: not a valid registry host`;
      remote = rest.slice(slash + 1);
    }
  }
  if (remote.toLowerCase() !== remote) return `${reference}: repository name must be lower case`;
  if (!path.test(remote)) return `${reference}: not a valid repository name`;
  return undefined;
}
