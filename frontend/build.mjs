// Copies the front-end packages the platform serves itself into the Django
// static tree, so no page ever loads anything from another host.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import subsetFont from "subset-font";

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

// The faces hold every glyph of Fira Sans (Cyrillic, Greek, Vietnamese …),
// 120-160 KB each, and a page loads four of them. The platform writes
// German: Latin with its extensions (precomposed letters), punctuation
// („“ – …), €, arrows and mathematical signs (≤ ≥ −) are kept; a rarer
// character is drawn in the fallback font. The four faces a page loads
// shrink from 545 KB to 135 KB (docs/quality.md, Lighthouse).
const kept = [
  [0x20, 0x17f], // Basic Latin, Latin-1, Latin Extended-A
  [0x218, 0x21b], // ș ț
  [0x394, 0x394], // Δ
  [0x3a3, 0x3a3], // Σ
  [0x2000, 0x206f], // general punctuation
  [0x20ac, 0x20ac], // €
  [0x2116, 0x2116], // №
  [0x2122, 0x2122], // ™
  [0x2190, 0x2195], // arrows
  [0x2212, 0x2212], // −
  [0x2248, 0x2248], // ≈
  [0x2260, 0x2265], // ≠ ≤ ≥
];
const keptText = kept
  .flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => first + i))
  .map((code) => String.fromCodePoint(code))
  .join("");
const fontDirectory = join(target, "kern/fonts/fira-sans");
for (const name of readdirSync(fontDirectory).filter((file) => file.endsWith(".woff2"))) {
  const path = join(fontDirectory, name);
  writeFileSync(path, await subsetFont(readFileSync(path), keptText, { targetFormat: "woff2" }));
}

writeFileSync(join(target, "BUILT"), new Date().toISOString() + "\n");
console.log(`front-end assets copied to ${target}`);
