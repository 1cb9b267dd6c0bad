#!/usr/bin/env bash
# Regenerates the Street Manager types from the committed V6 contract (openapi/upstream/street-manager/v6, rebuilt
# from DfT's V6 swagger; see the README there). Only the APIs the gateway calls get types.
set -euo pipefail
cd "$(dirname "$0")/.."
spec=openapi/upstream/street-manager/v6
out=src/upstreams/street-manager/generated
mkdir -p "$out"
for api in work reporting party lookup geojson event worklist; do
  npx openapi-typescript "$spec/$api-openapi.json" -o "$out/$api.ts"
done
