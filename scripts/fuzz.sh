#!/usr/bin/env bash
# fuzz.sh — run every Fuzz* target of the repository for FUZZTIME each
# (default 30s). Targets are found, not listed: each package with a
# "func Fuzz" in a _test.go file is asked for its targets with
# "go test -list", so a target anyone adds is run without editing this file.
# A target that finds a failing input writes it to the package's
# testdata/fuzz/ (commit it: it becomes a regression test) and fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${FUZZTIME:-30s}"

mapfile -t dirs < <(grep -rlE --include='*_test.go' '^func Fuzz[A-Z0-9_]' . | xargs -r -n1 dirname | sort -u)
if [ "${#dirs[@]}" -eq 0 ]; then
	echo "no fuzz targets"
	exit 0
fi
failed=()
count=0
for dir in "${dirs[@]}"; do
	pkg=$(go list "$dir")
	mapfile -t targets < <(go test -list '^Fuzz' "$pkg" | grep -E '^Fuzz')
	for target in "${targets[@]}"; do
		count=$((count + 1))
		echo "-- $pkg $target ($fuzztime)"
		# A failing input is minimised for at most 10 runs: CI needs it saved, not small.
		if ! go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" -fuzzminimizetime 10x "$pkg"; then
			failed+=("$pkg $target")
		fi
	done
done
echo "$count fuzz targets run for $fuzztime each"
if [ "${#failed[@]}" -gt 0 ]; then
	printf 'fuzz target failed: %s\n' "${failed[@]}" >&2
	exit 1
fi
