// Writes brotli (quality 11) and gzip (level 9) variants next to every text and wasm file
// of the built SPA, which the server sends to browsers that accept them, and prints the
// sizes. Node's own zlib: nothing to install.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const compressible = new Set(['.html', '.js', '.css', '.wasm', '.svg', '.json', '.txt']);
const rows = [];
// Every file, also in subdirectories (the split app's dist/app-<hash>/).
const walk = (d, prefix) =>
  readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n), `${prefix}${n}/`) : [`${prefix}${n}`]));
for (const name of walk(dir, '')) {
  const path = join(dir, name);
  if (!compressible.has(extname(name))) continue;
  const raw = readFileSync(path);
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  const gz = gzipSync(raw, { level: 9 });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gz);
  rows.push({ file: name, raw: raw.length, gzip: gz.length, brotli: br.length });
}
rows.sort((a, b) => b.raw - a.raw);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'file'.padEnd(44)}      raw KB  gzip KB  brotli KB`);
for (const r of rows) console.log(`${r.file.padEnd(44)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log(`${'total'.padEnd(44)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);
