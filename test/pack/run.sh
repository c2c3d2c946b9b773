#!/usr/bin/env bash
# `pnpm test:pack` (after `pnpm build`): packs every public package, installs the tarballs with
# plain npm in fresh folders outside the repository, and checks that they work as a user gets
# them: publint and attw on each tarball, LICENSE and README links, a strict Node-only typecheck
# of @stue/core and @stue/hub (nodenext and bundler), every ```ts block of docs/*.md (both
# resolutions; ```ts dom blocks with the DOM), the code snippet of the hub's README and the React
# snippet of docs/embedding.md as written, and the globally installed
# `stue-hub serve --demo` serving the API, every app and the embed (versioned too) with the
# integrity hash of the @stue/elements tarball.
# Dependencies come from the npm registry; the @stue/* ones from the local tarballs.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
PUBLIC=(core elements hub)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/stue-pack-XXXXXX")"
HUB_PID=""
INSTALL_PIDS=()
cleanup() {
  for pid in "${INSTALL_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "$HUB_PID" ]; then
    kill "$HUB_PID" 2>/dev/null || true
    wait "$HUB_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

step() { echo "--- pack: $*"; }
fail() {
  echo "pack: $*" >&2
  exit 1
}
version_of() { node -p "require('$1/package.json').version"; }
# npm, quietly, from a folder outside the workspace (so no pnpm or workspace settings apply). The
# installs wait on the network and the disk more than on the CPU: they run side by side, in the
# background, during the checks before the step that needs each one; `installed` waits for one.
declare -A INSTALLS
install_in_background() {
  local name="$1" dir="$2"
  shift 2
  (cd "$dir" && exec npm --no-audit --no-fund --loglevel=error --prefer-offline "$@" >/dev/null) \
    >"$WORK/npm-$name.log" 2>&1 &
  INSTALLS[$name]=$!
  INSTALL_PIDS+=($!)
}
installed() {
  wait "${INSTALLS[$1]}" || fail "npm could not install the $1 project: $(cat "$WORK/npm-$1.log")"
}

for name in "${PUBLIC[@]}"; do
  [ -d "packages/$name/dist" ] || fail "packages/$name is not built: run pnpm build first."
  if [ "$(node -p "require('./packages/$name/package.json').private === true")" = true ]; then
    fail "@stue/$name is private, but it is on the public list."
  fi
done

step "packing ${PUBLIC[*]}"
mkdir -p "$WORK/tarballs"
TARBALLS=()
for name in "${PUBLIC[@]}"; do
  # pnpm pack turns workspace:* into the packages' versions, as publishing does.
  tarball="$(cd "packages/$name" && pnpm pack --pack-destination "$WORK/tarballs" | tail -n 1)"
  TARBALLS+=("$tarball")
done

TS="typescript@$(version_of typescript)"
NODE_TYPES="@types/node@$(version_of @types/node)"
ELEMENTS_TYPES_REACT="$(cd packages/elements && version_of @types/react)"
step "npm installs the tarballs: a Node-only project, a React 19 project, and globally"
mkdir -p "$WORK/node-only" "$WORK/react"
echo '{ "name": "node-only", "private": true, "type": "module" }' >"$WORK/node-only/package.json"
echo '{ "name": "react-app", "private": true, "type": "module" }' >"$WORK/react/package.json"
install_in_background node-only "$WORK/node-only" install "${TARBALLS[@]}" "$TS" "$NODE_TYPES"
install_in_background react "$WORK/react" install "${TARBALLS[@]:0:2}" "$TS" react@19 \
  "@types/react@$ELEMENTS_TYPES_REACT"
install_in_background global "$WORK" install --global --prefix "$WORK/global" "${TARBALLS[@]}"

step "publint, attw, LICENSE and README links"
for tarball in "${TARBALLS[@]}"; do
  node_modules/.bin/publint run --strict "$tarball" >/dev/null ||
    node_modules/.bin/publint run --strict "$tarball"
  # ESM only, on purpose (docs/adr): CommonJS `require` and node10 resolution are not offered.
  node_modules/.bin/attw --profile esm-only --format table-flipped "$tarball" >/dev/null ||
    node_modules/.bin/attw --profile esm-only --format table-flipped "$tarball"
  files="$(tar -tzf "$tarball")"
  for needed in package/LICENSE package/README.md package/CHANGELOG.md; do
    grep -qx "$needed" <<<"$files" || fail "$(basename "$tarball") has no ${needed#package/}."
  done
  # A registry page shows the README without the repository around it: links must be absolute.
  relative="$(tar -xzOf "$tarball" package/README.md | grep -oE '\]\([^)#h][^)]*\)' || true)"
  [ -z "$relative" ] || fail "$(basename "$tarball") README has relative links: $relative"
  # Only public packages may be dependencies: npm could not install a private one.
  tar -xzOf "$tarball" package/package.json | node -e "
    const pkg = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    const stue = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).filter((n) => n.startsWith('@stue/'));
    const other = stue.filter((n) => !process.argv.slice(1).includes(n.slice(6)));
    if (other.length) { console.error(pkg.name + ' depends on ' + other.join(', ')); process.exit(1); }" "${PUBLIC[@]}"
  for field in repository homepage bugs types engines; do
    tar -xzOf "$tarball" package/package.json | node -e "
      const pkg = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      if (!pkg['$field']) { console.error('$(basename "$tarball"): no $field in package.json'); process.exit(1); }"
  done
done

step "a Node-only project: strict typecheck (nodenext, bundler)"
cp test/pack/node-only/* "$WORK/node-only/"
installed node-only
for resolution in nodenext bundler; do
  (cd "$WORK/node-only" && node_modules/.bin/tsc -p "tsconfig.$resolution.json") ||
    fail "the Node-only project does not typecheck under $resolution (above)."
done

step "every \`\`\`ts block of docs/*.md against the installed tarballs (nodenext, bundler)"
# tools/docs-ts.ts in the Node-only project: strict, lib ES2023 and @types/node; the blocks
# fenced \`\`\`ts dom (browser code) with the DOM's lib added. Under nodenext the libraries'
# declarations are checked too; under bundler only the blocks (skipLibCheck, four times faster):
# the step above checks every Node entry point's declarations under bundler, the React project
# below those of @stue/elements with the DOM.
node tools/docs-ts.ts --project "$WORK/node-only" --resolution nodenext ||
  fail "docs/*.md has ts blocks that do not typecheck against the installed tarballs under nodenext (above)."
node tools/docs-ts.ts --project "$WORK/node-only" --resolution bundler --skip-lib-check ||
  fail "docs/*.md has ts blocks that do not typecheck against the installed tarballs under bundler (above)."

step "the \"Use it in code\" snippet of the hub's README as written: typecheck (checkJs), run"
# The first js block under "## Use it in code" of the packed README, as app.js in the same
# Node-only project.
tar -xzOf "${TARBALLS[2]}" package/README.md |
  awk '/^## Use it in code/ { in_section = 1 } in_section && /^```js/ { in_block = 1; next }
       in_block && /^```/ { exit } in_block { print }' >"$WORK/node-only/app.js"
grep -q "from '@stue/hub'" "$WORK/node-only/app.js" || fail "no code snippet in packages/hub/README.md."
(cd "$WORK/node-only" && node_modules/.bin/tsc -p tsconfig.hub-readme.json) ||
  fail "the code snippet of packages/hub/README.md does not typecheck (above)."
out="$(cd "$WORK/node-only" && node app.js 2>&1)" ||
  fail "the code snippet of packages/hub/README.md fails: $out"
grep -q "^201 .*reference: 'STUE-" <<<"$out" ||
  fail "the code snippet of packages/hub/README.md printed $out, not 201 with a reference."

step "a React 19 project: the snippet of docs/embedding.md as written"
cp test/pack/react/tsconfig.json "$WORK/react/"
{
  cat test/pack/react/names.ts
  # The first tsx block under "## React".
  awk '/^## React/ { in_section = 1 } in_section && /^```tsx/ { in_block = 1; next }
       in_block && /^```/ { exit } in_block { print }' docs/embedding.md
} >"$WORK/react/app.tsx"
grep -q 'stue-nomination-form' "$WORK/react/app.tsx" || fail "no React snippet in docs/embedding.md."
installed react
(cd "$WORK/react" && node_modules/.bin/tsc -p tsconfig.json) ||
  fail "the React snippet of docs/embedding.md does not typecheck (above)."

step "npm i -g @stue/hub (into a temporary prefix), then stue-hub serve --demo"
installed global
mkdir -p "$WORK/run"
(cd "$WORK/run" && exec env PORT=0 HOST=127.0.0.1 STUE_DATA_DIR="$WORK/run/.stue" \
  STUE_DATABASE_URL= "$WORK/global/bin/stue-hub" serve --demo >"$WORK/hub.log" 2>&1) &
HUB_PID=$!
URL=""
for _ in $(seq 1 100); do
  URL="$(grep -oE 'listening on http://127\.0\.0\.1:[0-9]+' "$WORK/hub.log" | head -n 1 | sed 's/listening on //' || true)"
  [ -n "$URL" ] && break
  kill -0 "$HUB_PID" 2>/dev/null || break
  sleep 0.2
done
[ -n "$URL" ] || fail "the installed hub did not start: $(cat "$WORK/hub.log")"
expect() {
  local path="$1" type="$2" text="$3" headers body
  headers="$(curl -sS -o "$WORK/body" -D - "$URL$path")"
  body="$(cat "$WORK/body")"
  grep -qE '^HTTP/1\.1 200' <<<"$headers" || fail "GET $path: $(head -n 1 <<<"$headers")"
  grep -qiE "^content-type: $type" <<<"$headers" || fail "GET $path is not $type."
  grep -q "$text" <<<"$body" || fail "GET $path does not contain $text."
}
expect /api/health 'application/json' '"ok"'
expect /embed/stue-embed.js 'text/javascript' 'stue-nomination-form'
cp "$WORK/body" "$WORK/embed.js"
# The versioned path serves the same bytes, and its integrity.json the hash of those bytes: the
# one in the @stue/elements tarball (dist/cdn/integrity.json), which partners pin.
expect /embed/v1/stue-embed.js 'text/javascript' 'stue-nomination-form'
cmp -s "$WORK/body" "$WORK/embed.js" || fail "/embed/v1/stue-embed.js and /embed/stue-embed.js differ."
expect /embed/v1/integrity.json 'application/json' '"stue-embed.js"'
ELEMENTS_INSTALLED="$WORK/global/lib/node_modules/@stue/elements"
cmp -s "$WORK/embed.js" "$ELEMENTS_INSTALLED/dist/cdn/stue-embed.js" ||
  fail "/embed/stue-embed.js is not the stue-embed.js of the @stue/elements tarball."
# Every file integrity.json names (the script and its chunks) is served, with that hash.
node -e "
  const { createHash } = require('node:crypto');
  const { readFileSync } = require('node:fs');
  const [servedJson, installedJson, url] = process.argv.slice(1);
  const served = JSON.parse(readFileSync(servedJson, 'utf8'));
  const installed = JSON.parse(readFileSync(installedJson, 'utf8'));
  const files = Object.keys(served).filter((name) => name.endsWith('.js'));
  (async () => {
    if (!files.some((name) => name.startsWith('chunks/'))) throw new Error('integrity.json names no chunk.');
    for (const name of files) {
      const response = await fetch(url + '/embed/v1/' + name);
      if (!response.ok) throw new Error('GET /embed/v1/' + name + ' is ' + response.status + '.');
      const actual = 'sha384-' + createHash('sha384').update(Buffer.from(await response.arrayBuffer())).digest('base64');
      if (served[name] !== actual) throw new Error('/embed/v1/integrity.json says ' + served[name] + ' for ' + name + ', the served file is ' + actual + '.');
      if (installed[name] !== served[name]) throw new Error('/embed/v1/integrity.json says ' + served[name] + ' for ' + name + ', the @stue/elements tarball ' + installed[name] + '.');
    }
  })().catch((error) => {
    console.error('pack: ' + error.message);
    process.exit(1);
  });" "$WORK/body" "$ELEMENTS_INSTALLED/dist/cdn/integrity.json" "$URL"
expect / 'text/html' 'stue-embed.js'
for app in kiosk console; do
  expect "/$app/" 'text/html' '<html'
  # Every file the app's page loads is in the package too.
  loads="$(grep -oE "(src|href)=\"/$app/[^\"]+\"" "$WORK/body" | cut -d'"' -f2 || true)"
  [ -n "$loads" ] || fail "/$app/ loads nothing from /$app/."
  for path in $loads; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL$path")" = 200 ] || fail "GET $path (from /$app/) is not 200."
  done
done
kill "$HUB_PID"
wait "$HUB_PID" || true
HUB_PID=""

step "ok: ${PUBLIC[*]} install from their tarballs and work"
