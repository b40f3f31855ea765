import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Foundry console", template: "%s · Foundry console" },
  description: "Metal Foundry: your bare-metal cloud, run from one Git repository.",
  icons: { icon: "/icon.svg" },
  manifest: "/manifest.webmanifest",
  // A console for its operators, never for search engines (public/robots.txt says the same).
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
