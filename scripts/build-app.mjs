// Builds the app's wasm split by page and adds it to the SPA that trunk built (docs/build.md
// "Splitting by route"). Trunk 0.21 runs cargo and wasm-bindgen in one step, with no place
// for the split between them, so this script does the app's part and trunk the rest (CSS,
// the crypto worker, index.html):
//
//   1. cargo: the app with feature `split` (every page a split point) and the linker's
//      relocations kept (`--emit-relocs`), which the splitter reads;
//   2. wasm-split-cli: the main module plus one module per page (and shared chunks), and the
//      JavaScript that loads them;
//   3. wasm-bindgen on the main module only, keeping the exports the chunks link against;
//   4. wasm-opt -Oz on every module;
//   5. everything into dist/app-<hash>/ (one fingerprint for the set: the main module and its
//      loader import each other), and the start script into dist/index.html.
//
// Usage: node scripts/build-app.mjs [dist]   (after `trunk build --release`)
import { execFile, execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const work = 'target/split';
const split = join(work, 'split');
const bindgen = join(work, 'bindgen');
const run = (cmd, args) => {
  console.log(`build-app: ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit' });
};

// 1. The app, split points on, relocations kept (only the final link gets the flag, so
// the dependencies are the same artefacts as in any other release build).
run('cargo', [
  'rustc', '--release', '--locked', '--target', 'wasm32-unknown-unknown', '-p', 'zelfregie', '--bin', 'zelfregie',
  '--features', 'split', '--', '-C', 'link-arg=--emit-relocs',
]);

// 2. Split.
rmSync(work, { recursive: true, force: true });
mkdirSync(split, { recursive: true });
run('wasm-split-cli', ['target/wasm32-unknown-unknown/release/zelfregie.wasm', split, '--out-name', 'zelfregie']);

// 3. Bindings for the main module (its JS imports the loader, which imports `initSync` back).
run('wasm-bindgen', [
  '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
  '--out-dir', bindgen, '--out-name', 'zelfregie', join(split, 'zelfregie.wasm'),
]);

// 4. Optimise every module, as trunk does for the worker (`data-wasm-opt="z"`).
const modules = [join(bindgen, 'zelfregie_bg.wasm')];
for (const name of readdirSync(split)) {
  if (name.endsWith('.wasm') && name !== 'zelfregie.wasm') modules.push(join(split, name));
}
const optimise = promisify(execFile);
const queue = [...modules];
await Promise.all(Array.from({ length: availableParallelism() }, async () => {
  for (let file = queue.shift(); file; file = queue.shift()) {
    await optimise('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
      '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', file, '-o', file]);
  }
}));
console.log(`build-app: wasm-opt -Oz on ${modules.length} modules`);

// The loader's comments (which pages share each chunk) weigh without serving.
const loader = join(split, '__wasm_split.js');
writeFileSync(loader, readFileSync(loader, 'utf8').replace(/\/\*[^]*?\*\//g, ''));

// 5. One fingerprinted directory for the set.
const files = [
  ...modules,
  join(bindgen, 'zelfregie.js'),
  ...readdirSync(split).filter((n) => n.endsWith('.js')).map((n) => join(split, n)),
];
const hash = createHash('sha256');
for (const file of files.toSorted()) hash.update(file).update(readFileSync(file));
const dir = `app-${hash.digest('hex').slice(0, 16)}`;
for (const old of readdirSync(dist).filter((n) => n.startsWith('app-'))) rmSync(join(dist, old), { recursive: true });
mkdirSync(join(dist, dir));
for (const file of files) copyFileSync(file, join(dist, dir, file.split('/').pop()));

// Which files each address needs first, for the server to name in that page's HTML
// (`<link rel=preload>`), so they come with the main module instead of after it has started:
// the address and who may see it (the model's page list, crates/model/src/links.rs) → its
// part (the table of pages, src/routes.rs) → the part's module and chunks (the loader). A
// page without a part is a build error, not a slow page.
const loaderText = readFileSync(loader, 'utf8');
const partFiles = {};
for (const m of loaderText.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.]+)"[^]*?, \[([^\]]*)\]\)\)/g)) {
  const chunks = m[3].split(',').map((c) => c.trim()).filter(Boolean).map((c) => `${c.replace(/^__chunk_/, 'chunk_')}.wasm`);
  partFiles[m[1]] = [m[2], ...chunks].map((f) => `/${dir}/${f}`);
}
const table = readFileSync('src/routes.rs', 'utf8');
const partOfRoute = Object.fromEntries([...table.matchAll(/^\s*(\w+) => page_\w+ in (part_\w+), /gm)].map((m) => [m[1], m[2]]));
const routes = [...readFileSync('crates/model/src/links.rs', 'utf8').matchAll(/^\s*(\w+) = "(\/[^"]*)", (Public|LoggedIn|LoggedOut);$/gm)];
const preload = {};
for (const [, route, path, access] of routes) {
  const files = partFiles[partOfRoute[route]];
  if (!files) throw new Error(`no split part found for ${route} (${path}): see src/routes.rs`);
  // A page behind the login is preloaded only for a request with a session cookie.
  preload[path] = { files, login: access === 'LoggedIn' };
}
if (routes.length < Object.keys(partOfRoute).length || !routes.some(([, , , a]) => a === 'LoggedIn')) {
  throw new Error('crates/model/src/links.rs or src/routes.rs: pages not found; has the syntax changed?');
}
writeFileSync(join(dist, 'preload.json'), JSON.stringify(preload));
console.log(`build-app: preload.json names the part of ${routes.length} addresses`);

const index = join(dist, 'index.html');
const html = readFileSync(index, 'utf8');
if (html.includes('/app-')) throw new Error(`${index} already starts an app: run trunk build first`);
const start =
  `<script type=module>import init from '/${dir}/zelfregie.js';init({module_or_path:'/${dir}/zelfregie_bg.wasm'})</script>` +
  `<link rel=modulepreload href=/${dir}/zelfregie.js>` +
  `<link rel=modulepreload href=/${dir}/__wasm_split.js>` +
  `<link rel=preload as=fetch type=application/wasm crossorigin href=/${dir}/zelfregie_bg.wasm>`;
writeFileSync(index, html.replace('</head>', `${start}</head>`));
console.log(`build-app: ${files.length} files in ${dist}/${dir}`);

// The crypto worker's loader, as trunk's loader shim writes it, calls wasm-bindgen's start
// with a bare path: a form wasm-bindgen deprecated, which logged a console warning in every
// worker and helper (48 on the export pages, issue 25). The same start, in the form it asks for.
const workerLoader = join(dist, 'zelfregie-worker_loader.js');
const shim = readFileSync(workerLoader, 'utf8');
const bare = /wasm_bindgen\("(\.\/zelfregie-worker_bg\.wasm)"\);?/;
if (!bare.test(shim)) throw new Error(`${workerLoader}: trunk's loader shim changed; check how it starts the worker`);
writeFileSync(workerLoader, shim.replace(bare, 'wasm_bindgen({module_or_path:"$1"});'));
console.log('build-app: the worker loader starts wasm-bindgen with an options object');
