#!/usr/bin/env bash
# A stand-in for the AWS CLI in the infra tests (installed as `aws` on PATH). Appends its command line to
# $FAKE_AWS_DIR/calls.log and answers from canned files in $FAKE_AWS_DIR/answers/, keyed by service and operation:
#   SERVICE-OPERATION.N   the answer to the N-th such call (1, 2, ...), else
#   SERVICE-OPERATION     the answer to every further call (none: prints nothing)
#   SERVICE-OPERATION.exit  the exit code (default 0)
set -euo pipefail

dir="${FAKE_AWS_DIR:?set FAKE_AWS_DIR}"
echo "aws $*" >>"$dir/calls.log"
key="$1-$2"
mkdir -p "$dir/counts"
n=$(($(cat "$dir/counts/$key" 2>/dev/null || echo 0) + 1))
echo "$n" >"$dir/counts/$key"
if [ -f "$dir/answers/$key.$n" ]; then cat "$dir/answers/$key.$n"
elif [ -f "$dir/answers/$key" ]; then cat "$dir/answers/$key"
fi
exit "$(cat "$dir/answers/$key.exit" 2>/dev/null || echo 0)"
