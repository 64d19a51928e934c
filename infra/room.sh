#!/usr/bin/env bash
# A room of attendee machines from one command: one workshop-gpu.yaml stack per attendee, all tagged with the room's
# name, so status and teardown find them again without any local state.
#
#   infra/room.sh launch   (--attendees FILE | --count N) [options] RepositoryUrl=https://... [Parameter=Value ...]
#   infra/room.sh status   [options]
#   infra/room.sh start    [options]   start the room's stopped machines again (after an idle stop)
#   infra/room.sh teardown [options] [--yes]
#
# Options: --prefix NAME (the room, default workshop; stacks are NAME-ATTENDEE), --region R (default $AWS_REGION or
# $AWS_DEFAULT_REGION), --template FILE (default the workshop-gpu.yaml next to this script), --no-wait,
# --keep-failed (launch: a failed stack keeps its resources for a look instead of rolling back).
# FILE holds one attendee id a line (lower-case letters, digits, hyphens, at most 20; # comments); --count N makes
# attendee-01 ... attendee-N. Parameter=Value pairs go to every stack (InstanceType=g5.xlarge, IdleStopMinutes=30, ...).
# Launch and teardown wait until no stack of the room is in progress, then print the room's table: attendee, stack,
# status, instance and the SSM port-forwarding command to hand to each attendee.
# Environment: ROOM_POLL_SECONDS (30) between status polls, ROOM_WAIT_MINUTES (100) before giving up waiting.
set -euo pipefail

ROOM_TAG=workshop-room
JUPYTER_PORT=8888 # where the template's JupyterLab listens (bootstrap.sh, WORKSHOP_JUPYTER_PORT)
POLL_SECONDS="${ROOM_POLL_SECONDS:-30}"
WAIT_MINUTES="${ROOM_WAIT_MINUTES:-100}"

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "room: $*" >&2; exit 2; }
say() { echo "[room] $*"; }

command="${1:-}"
[ $# -gt 0 ] && shift
prefix=workshop region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}" template="$(dirname "$0")/workshop-gpu.yaml"
attendees_file="" count="" wait=1 yes=0 keep_failed=0
parameters=()
while [ $# -gt 0 ]; do
  case "$1" in
    --attendees) attendees_file="${2:?--attendees needs a file}"; shift ;;
    --count) count="${2:?--count needs a number}"; shift ;;
    --prefix) prefix="${2:?--prefix needs a name}"; shift ;;
    --region) region="${2:?--region needs a region}"; shift ;;
    --template) template="${2:?--template needs a file}"; shift ;;
    --no-wait) wait=0 ;;
    --keep-failed) keep_failed=1 ;;
    --yes) yes=1 ;;
    -h | --help) usage; exit 0 ;;
    *=*) parameters+=("$1") ;;
    *) die "unknown argument '$1' (run with --help)" ;;
  esac
  shift
done

case "$command" in
  launch | status | start | teardown) ;;
  -h | --help | "") usage; exit 0 ;;
  *) die "unknown command '$command': launch, status, start or teardown (run with --help)" ;;
esac
[[ "$prefix" =~ ^[A-Za-z][A-Za-z0-9-]{0,40}$ ]] || die "--prefix '$prefix': a letter, then letters, digits or hyphens (at most 41)"
[ -n "$region" ] || die "no region: give --region (for example --region eu-west-1) or set AWS_REGION"

# One line per stack of the room, tab-separated: stack, status, attendee, instance, bucket, DeleteBucketWithStack
# ("None" where the stack has no such output yet).
room_stacks() {
  aws cloudformation describe-stacks --region "$region" --output text --query \
    "Stacks[?Tags[?Key=='$ROOM_TAG' && Value=='$prefix']].[StackName, StackStatus, Parameters[?ParameterKey=='AttendeeId'].ParameterValue | [0], Outputs[?OutputKey=='InstanceId'].OutputValue | [0], Outputs[?OutputKey=='DataBucketName'].OutputValue | [0], Parameters[?ParameterKey=='DeleteBucketWithStack'].ParameterValue | [0]]"
}

connect_command() {
  echo "aws ssm start-session --region $region --target $1 --document-name AWS-StartPortForwardingSession --parameters portNumber=$JUPYTER_PORT,localPortNumber=$JUPYTER_PORT"
}

print_table() {
  local stacks="$1" stack status attendee instance rest connect
  if [ -z "$stacks" ]; then say "room '$prefix' has no stacks in $region"; return 0; fi
  {
    printf 'attendee\tstack\tstatus\tinstance\tconnect (JupyterLab on http://localhost:%s)\n' "$JUPYTER_PORT"
    while IFS=$'\t' read -r stack status attendee instance rest; do
      if [ "$instance" = None ]; then instance=- connect=-; else connect="$(connect_command "$instance")"; fi
      printf '%s\t%s\t%s\t%s\t%s\n' "$attendee" "$stack" "$status" "$instance" "$connect"
    done <<<"$stacks"
  } | awk -F'\t' '{ for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } rows = NR; cols = NF }
      END { for (r = 1; r <= rows; r++) { line = ""; for (i = 1; i < cols; i++) line = line sprintf("%-" w[i] "s  ", cell[r, i]); print line cell[r, cols] } }'
  echo "Token for the login page: the same command with --document-name AWS-StartInteractiveCommand --parameters command=\"sudo cat /etc/workshop/jupyter-token\""
}

# Why each failed stack failed: its first CREATE_FAILED event (the wait condition carries bootstrap.sh's reason).
print_failures() {
  local stack status rest reason
  while IFS=$'\t' read -r stack status rest; do
    case "$status" in
      *FAILED | ROLLBACK_* | *ROLLBACK_COMPLETE)
        reason="$(aws cloudformation describe-stack-events --region "$region" --stack-name "$stack" --output text \
          --query "StackEvents[?ResourceStatus=='CREATE_FAILED'] | [-1].ResourceStatusReason" || echo "(events not readable)")"
        echo "$stack ($status): $reason" ;;
    esac
  done <<<"$1"
}

# Polls until no stack of the room is in progress; prints the final list.
wait_for_room() {
  local deadline=$((SECONDS + WAIT_MINUTES * 60)) stacks busy
  while :; do
    stacks="$(room_stacks)"
    busy="$(awk -F'\t' '$2 ~ /_IN_PROGRESS$/ {n++} END {print n + 0}' <<<"$stacks")"
    [ "$busy" = 0 ] && break
    if [ "$SECONDS" -ge "$deadline" ]; then say "still $busy stack(s) in progress after $WAIT_MINUTES minutes; run 'status' later" >&2; break; fi
    say "$busy stack(s) in progress, waiting $POLL_SECONDS s" >&2
    sleep "$POLL_SECONDS"
  done
  echo "$stacks"
}

attendee_ids() {
  if [ -n "$attendees_file" ] && [ -n "$count" ]; then die "give --attendees or --count, not both"; fi
  if [ -n "$count" ]; then
    if ! [[ "$count" =~ ^[0-9]+$ ]] || [ "$count" -lt 1 ] || [ "$count" -gt 200 ]; then die "--count '$count': a number from 1 to 200"; fi
    local i; for i in $(seq 1 "$count"); do printf 'attendee-%02d\n' "$i"; done
    return
  fi
  [ -n "$attendees_file" ] || die "launch needs --attendees FILE (one id a line) or --count N"
  [ -f "$attendees_file" ] || die "--attendees '$attendees_file': no such file"
  local id
  sed -e 's/#.*//' -e 's/[[:space:]]//g' "$attendees_file" | while read -r id; do
    [ -n "$id" ] || continue
    [[ "$id" =~ ^[a-z0-9][a-z0-9-]{0,19}$ ]] \
      || die "attendee id '$id' in $attendees_file: lower-case letters, digits and hyphens, at most 20, no leading hyphen"
    echo "$id"
  done
}

launch() {
  local ids id stack existing=() args=() p has_url=0
  ids="$(attendee_ids)"
  [ -n "$ids" ] || die "no attendee ids in $attendees_file"
  [ -z "$(sort <<<"$ids" | uniq -d)" ] || die "attendee ids given twice: $(sort <<<"$ids" | uniq -d | tr '\n' ' ')"
  [ -f "$template" ] || die "template '$template' not found"
  for p in ${parameters[@]+"${parameters[@]}"}; do
    [[ "${p%%=*}" =~ ^[A-Za-z][A-Za-z0-9]*$ ]] || die "parameter '$p': expected Name=Value"
    [ "${p%%=*}" != AttendeeId ] || die "AttendeeId is set per attendee by the room; leave it out"
    [[ "$p" != *,* ]] || die "parameter '$p': values with commas are not supported here"
    [ "${p%%=*}" != RepositoryUrl ] || has_url=1
    args+=("ParameterKey=${p%%=*},ParameterValue=${p#*=}")
  done
  [ "$has_url" = 1 ] || die "give RepositoryUrl=https://... (the repository every machine clones)"
  if [ "$(wc -l <<<"$ids")" -gt 4 ] && ! printf '%s\n' ${parameters[@]+"${parameters[@]}"} | grep -q '^SubnetId='; then
    say "warning: every stack without SubnetId= creates its own VPC, and a region allows 5 VPCs by default;" \
      "give VpcId=vpc-... SubnetId=subnet-... of one shared public subnet, or raise the VPC quota (infra/README.md)" >&2
  fi
  local failure=()
  [ "$keep_failed" = 1 ] && failure=(--on-failure DO_NOTHING)
  mapfile -t existing < <(room_stacks | cut -f1)
  while read -r id; do
    stack="$prefix-$id"
    if printf '%s\n' ${existing[@]+"${existing[@]}"} | grep -qx -- "$stack"; then say "$stack exists, kept as it is"; continue; fi
    say "creating $stack"
    aws cloudformation create-stack --region "$region" --stack-name "$stack" --template-body "file://$template" \
      --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND ${failure[@]+"${failure[@]}"} \
      --parameters "ParameterKey=AttendeeId,ParameterValue=$id" ${args[@]+"${args[@]}"} \
      --tags "Key=$ROOM_TAG,Value=$prefix" "Key=workshop-attendee,Value=$id" --output text --query StackId >/dev/null
  done <<<"$ids"
  [ "$wait" = 1 ] || { say "not waiting; 'room.sh status --prefix $prefix --region $region' shows progress"; return 0; }
  say "waiting for the stacks (about 35 minutes: setup, then every workshop on the GPU)"
  local stacks
  stacks="$(wait_for_room)"
  print_table "$stacks"
  print_failures "$stacks"
  ! awk -F'\t' '$2 != "CREATE_COMPLETE" && $2 != "UPDATE_COMPLETE" {bad = 1} END {exit !bad}' <<<"$stacks"
}

start_room() {
  local instances
  instances="$(room_stacks | awk -F'\t' '$4 != "None" && $4 != "" {print $4}')"
  if [ -z "$instances" ]; then say "room '$prefix' has no machines in $region"; return 0; fi
  # shellcheck disable=SC2086 # one argument per instance id
  aws ec2 start-instances --region "$region" --instance-ids $instances --output text --query 'StartingInstances[].[InstanceId, CurrentState.Name]'
  say "started $(wc -l <<<"$instances") machine(s); JupyterLab is back about two minutes later"
}

teardown() {
  local stacks stack status attendee instance bucket delete_bucket answer
  stacks="$(room_stacks)"
  if [ -z "$stacks" ]; then say "room '$prefix' has no stacks in $region"; return 0; fi
  if [ "$yes" != 1 ]; then
    [ -t 0 ] || die "teardown deletes $(wc -l <<<"$stacks") stack(s) of room '$prefix' and their data; run again with --yes"
    read -r -p "Delete $(wc -l <<<"$stacks") stack(s) of room '$prefix' in $region with their machines and data? Type the room name: " answer
    [ "$answer" = "$prefix" ] || die "not confirmed, nothing deleted"
  fi
  while IFS=$'\t' read -r stack status attendee instance bucket delete_bucket; do
    # A bucket that goes with the stack must be empty first; one kept after the stack (false) keeps its data.
    if [ "$bucket" != None ] && [ "$delete_bucket" = true ]; then
      say "emptying s3://$bucket"
      aws s3 rm "s3://$bucket" --recursive --region "$region" --only-show-errors
    fi
    say "deleting $stack ($attendee)"
    aws cloudformation delete-stack --region "$region" --stack-name "$stack"
  done <<<"$stacks"
  [ "$wait" = 1 ] || return 0
  stacks="$(wait_for_room)"
  if [ -z "$stacks" ]; then say "room '$prefix' is gone"; return 0; fi
  print_table "$stacks"
  print_failures "$stacks"
  return 1
}

case "$command" in
  launch) launch ;;
  status) stacks="$(room_stacks)"; print_table "$stacks"; [ -z "$stacks" ] || print_failures "$stacks" ;;
  start) start_room ;;
  teardown) teardown ;;
esac
