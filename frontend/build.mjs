// Copies the front-end packages the platform serves itself into the Django
// static tree, so no page ever loads anything from another host.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const target = join(here, "..", "src", "ikone", "core", "static", "vendor");

const files = [
  ["@kern-ux/native/dist/kern.min.css", "kern/kern.min.css"],
  ["@kern-ux/native/dist/fonts/fira-sans.css", "kern/fonts/fira-sans.css"],
  ["@kern-ux/native/dist/fonts/fira-sans", "kern/fonts/fira-sans"],
  ["@kern-ux/native/LICENSE.md", "kern/LICENSE.md"],
  ["htmx.org/dist/htmx.min.js", "htmx/htmx.min.js"],
  ["htmx.org/LICENSE", "htmx/LICENSE"],
  ["axe-core/axe.min.js", "axe/axe.min.js"],
  ["axe-core/LICENSE", "axe/LICENSE"],
];

rmSync(target, { recursive: true, force: true });
for (const [from, to] of files) {
  const destination = join(target, to);
  mkdirSync(dirname(destination), { recursive: true });
  cpSync(join(modules, from), destination, { recursive: true });
}
// KERN's font faces declare no font-display: the text stayed invisible until
// the fonts arrived. With "swap" it shows at once in the fallback font.
const fontFaces = join(target, "kern/fonts/fira-sans.css");
writeFileSync(
  fontFaces,
  readFileSync(fontFaces, "utf8").replaceAll("@font-face {", "@font-face {\n    font-display: swap;"),
);

writeFileSync(join(target, "BUILT"), new Date().toISOString() + "\n");
console.log(`front-end assets copied to ${target}`);
