import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { CloudView } from "@/components/cloud/cloud-view";
import type { CloudOverview } from "@/lib/oci/cloud-overview";

/** The Cloud page's body as HTML, and as the text a person reads. */
export function renderCloudView(overview: CloudOverview): { html: string; text: string } {
  const html = renderToStaticMarkup(createElement(CloudView, { overview }));
  const text = html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
  return { html, text };
}
