#!/usr/bin/env bash
# Copy the page's npm libraries (installed from package-lock.json) into the package's
# static folder. Nothing third-party is committed: frontwire/static/ is rebuilt here.
# Usage: scripts/build_web.sh   (runs `npm ci` first when node_modules is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules/d3 ] || [ ! -d node_modules/world-atlas ]; then
  command -v npm >/dev/null 2>&1 || { echo "npm is needed: apt-get install -y npm"; exit 1; }
  npm ci --no-audit --no-fund
fi
out=frontwire/static/vendor
rm -rf "$out"
mkdir -p "$out/world-atlas"
cp node_modules/d3/dist/d3.min.js "$out/"
cp node_modules/topojson-client/dist/topojson-client.min.js "$out/"
cp node_modules/world-atlas/countries-50m.json node_modules/world-atlas/countries-110m.json \
  "$out/world-atlas/"
for lib in d3 topojson-client world-atlas; do
  cp "node_modules/$lib/LICENSE" "$out/LICENSE.$lib" 2>/dev/null || true
done
echo "vendor files in $out:"
ls -1 "$out" "$out/world-atlas"
