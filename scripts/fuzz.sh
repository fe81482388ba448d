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
# A run that fails with no new input in testdata/fuzz/<target> is Go's
# fuzzing coordinator racing its own -fuzztime deadline on a loaded machine
# ("context deadline exceeded", golang/go#75804): it is run once more, and only
# a failure that writes a failing input (or fails twice for another reason)
# fails CI.
failed=()
flaked=()
count=0
crashers() { find "$1/testdata/fuzz/$2" -type f 2>/dev/null | sort; }
run_target() { # dir pkg target -> 0 pass, 1 real failure, 3 deadline flake
	local before out status=0
	before=$(crashers "$1" "$3")
	out=$(mktemp)
	# A failing input is minimised for at most 10 runs: CI needs it saved, not small.
	go test -run '^$' -fuzz "^${3}\$" -fuzztime "$fuzztime" -fuzzminimizetime 10x "$2" 2>&1 | tee "$out" || status=$?
	if [ "$status" -ne 0 ] && [ "$before" = "$(crashers "$1" "$3")" ] && grep -q 'context deadline exceeded' "$out"; then
		status=3
	fi
	rm -f "$out"
	return "$status"
}
for dir in "${dirs[@]}"; do
	pkg=$(go list "$dir")
	mapfile -t targets < <(go test -list '^Fuzz' "$pkg" | grep -E '^Fuzz')
	for target in "${targets[@]}"; do
		count=$((count + 1))
		echo "-- $pkg $target ($fuzztime)"
		status=0
		run_target "$dir" "$pkg" "$target" || status=$?
		if [ "$status" -eq 3 ]; then
			echo "-- $pkg $target: deadline race without a failing input, run again"
			status=0
			run_target "$dir" "$pkg" "$target" || status=$?
			if [ "$status" -eq 3 ]; then
				flaked+=("$pkg $target")
				status=0
			fi
		fi
		if [ "$status" -ne 0 ]; then
			failed+=("$pkg $target")
		fi
	done
done
echo "$count fuzz targets run for $fuzztime each"
if [ "${#flaked[@]}" -gt 0 ]; then
	printf 'fuzz target hit the deadline race twice, no failing input written: %s\n' "${flaked[@]}" >&2
fi
if [ "${#failed[@]}" -gt 0 ]; then
	printf 'fuzz target failed: %s\n' "${failed[@]}" >&2
	exit 1
fi
