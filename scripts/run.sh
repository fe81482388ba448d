#!/usr/bin/env bash
# run.sh — install what is missing, then start Kontor on its default database
# (or pass arguments through: scripts/run.sh --db /path/to/file.db).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh run
exec go run . "$@"
