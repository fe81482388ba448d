#!/usr/bin/env bash
# test.sh — install what is missing, then run every test with the race detector.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
go test -race -count=1 -timeout 30m ./...
