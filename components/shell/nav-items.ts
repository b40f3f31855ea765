export type NavItem = { href: string; label: string };

export const navItems: readonly NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/servers", label: "Servers" },
  { href: "/nodes", label: "Nodes" },
  { href: "/gitops", label: "GitOps" },
  { href: "/boot-media", label: "Boot media" },
  { href: "/cloud", label: "Cloud" },
  { href: "/activity", label: "Activity" },
];
