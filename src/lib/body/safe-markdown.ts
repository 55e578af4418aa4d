// Determination bodies are untrusted text: an importer bug or a crafted letter must not be able
// to put markup or script into a page. Astro's Markdown processor (Sätteri) passes raw HTML
// through as opaque `raw` nodes by default, so this hast plugin turns every raw node back into
// plain text (it shows as typed, escaped), and drops link/image URLs with a script-capable scheme.
// It is registered on the default processor by astro.config.mjs.

/** URL schemes that can run script when followed or loaded. */
const SCRIPT_URL = /^\s*(?:javascript|vbscript|data)\s*:/i;

interface RawNode {
  type: 'raw';
  value: string;
}
interface ElementNode {
  type: 'element';
  tagName: string;
  properties?: Record<string, unknown>;
}
interface Ctx {
  replaceNode(node: unknown, replacement: unknown): void;
  setProperty(node: unknown, key: string, value: unknown): void;
}

export const safeMarkdown = {
  name: 'imr-safe-markdown',
  raw(node: RawNode, ctx: Ctx): void {
    ctx.replaceNode(node, { type: 'text', value: node.value });
  },
  element: {
    filter: ['a', 'img'],
    visit(node: ElementNode, ctx: Ctx): void {
      for (const key of ['href', 'src']) {
        const value = node.properties?.[key];
        if (typeof value === 'string' && SCRIPT_URL.test(value)) ctx.setProperty(node, key, null);
      }
    },
  },
};
