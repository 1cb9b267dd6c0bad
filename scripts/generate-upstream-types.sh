#!/usr/bin/env bash
# Regenerates the Street Manager types from the committed V3.6 specs (the reporting spec from its patched copy,
# whose dangling enum references are filled in; see openapi/upstream/street-manager/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
spec=openapi/upstream/street-manager
out=src/upstreams/street-manager/generated
mkdir -p "$out"
for api in work party lookup geojson; do
  npx openapi-typescript "$spec/$api-swagger.json" -o "$out/$api.ts"
done
npx openapi-typescript "$spec/reporting-swagger.patched.json" -o "$out/reporting.ts"
