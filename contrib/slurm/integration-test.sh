#!/usr/bin/env bash
# Integration test of drsim sweeps on a real single-node Slurm (Debian's slurm-wlm and munge):
# starts munged, slurmctld and slurmd on this machine in a scratch folder, runs a small sweep as a
# 3-task job array twice (contrib/slurm/sweep.sbatch + `drsim merge`, and the script that
# `drsim sweep --emit-slurm 3` writes), and checks that the merged sweep.csv and comparison.csv
# equal those of a local `drsim sweep` byte for byte. Every daemon it started is stopped on exit.
#
# Needs root (the daemons run as root and munge; packages are installed with apt-get when missing).
# DRSIM=/path/to/drsim tests that binary (default: the debug build, built when missing).
# KEEP=1 keeps the scratch folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
started=$(date +%s)
say() { echo "slurm-test: $*"; }
fail() { echo "slurm-test: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = "0" ] || fail "run as root (it starts slurmctld, slurmd and munged)"
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
   || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null; }
fi

drsim=${DRSIM:-}
if [ -z "$drsim" ]; then
  bin=$(swift build --show-bin-path)
  [ -x "$bin/drsim" ] || swift build --product drsim >/dev/null
  drsim="$bin/drsim"
fi
[ -x "$drsim" ] || fail "no drsim binary at $drsim"
drsim=$(readlink -f "$drsim")

scratch=$(mktemp -d /tmp/drsim-slurm-test.XXXXXX)
chmod 755 "$scratch"
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$status" != "0" ]; then
    for log in "$scratch"/slurmctld.log "$scratch"/slurmd.log "$scratch"/out/*/*/slurm-logs/* "$scratch"/job-*.out; do
      [ -f "$log" ] && { echo "--- $log"; tail -n 30 "$log"; }
    done
  fi
  if [ "${KEEP:-0}" = "1" ]; then say "kept $scratch"; else rm -rf "$scratch"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# munge: a fresh key and socket in the scratch folder, the daemon running as user munge.
m="$scratch/munge"
mkdir -p "$m/run" "$m/lib" "$m/log"
dd if=/dev/urandom of="$m/munge.key" bs=1024 count=1 status=none
chown -R munge:munge "$m"
chmod 711 "$m"; chmod 755 "$m/run"; chmod 700 "$m/lib" "$m/log"; chmod 400 "$m/munge.key"
socket="$m/run/munge.socket"
setpriv --reuid=munge --regid=munge --clear-groups munged -F --key-file="$m/munge.key" --socket="$socket" \
  --pid-file="$m/run/munged.pid" --seed-file="$m/lib/munged.seed" --log-file="$m/log/munged.log" \
  >"$scratch/munged.out" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.1; done
munge -n -S "$socket" | unmunge -S "$socket" >/dev/null || fail "munge does not work (see $scratch/munged.out)"

# Slurm: one node (this machine, as `slurmd -C` sees it), one partition, no cgroups, no accounting.
host=$(hostname -s)
node=$(slurmd -C | head -n 1)
port_base=$(( 20000 + RANDOM % 20000 ))
export SLURM_CONF="$scratch/slurm.conf"
mkdir -p "$scratch/state" "$scratch/spool"
cat >"$SLURM_CONF" <<CONF
ClusterName=drsimtest
SlurmctldHost=$host
SlurmctldPort=$port_base
SlurmdPort=$(( port_base + 1 ))
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
StateSaveLocation=$scratch/state
SlurmdSpoolDir=$scratch/spool
SlurmctldPidFile=$scratch/slurmctld.pid
SlurmdPidFile=$scratch/slurmd.pid
SlurmctldLogFile=$scratch/slurmctld.log
SlurmdLogFile=$scratch/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
SchedulerType=sched/builtin
SchedulerParameters=sched_interval=1
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
$node State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -D -i -f "$SLURM_CONF" >"$scratch/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$scratch/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 150); do
  state=$(sinfo -h -o %t 2>/dev/null | head -n 1 || true)
  [ "$state" = "idle" ] && break
  sleep 0.2
done
[ "$state" = "idle" ] || fail "the Slurm node did not become idle (state '$state')"
say "slurm up after $(( $(date +%s) - started )) s: $(sinfo -h -o '%P %D %t %c CPUs' | head -n 1)"

# The sweep: scenarios/compare-drs-thresholds.yaml cut to 6 configurations × 2 replications of 6 hours.
scenario="$repo/scenarios/compare-drs-thresholds.yaml"
options=(--set duration=6h --set drs.threshold=2,3,4 --replications 2)
name=compare-drs-thresholds
out="$scratch/out"
"$drsim" sweep "$scenario" "${options[@]}" --out "$out/local" --jobs 2 --quiet

# 1. contrib/slurm/sweep.sbatch as a 3-task array (sbatch --wait returns when every task ended), then merge.
cd "$scratch"
DRSIM="$drsim" timeout 600 sbatch --wait --array=1-3 --output="$scratch/job-%A_%a.out" \
  "$repo/contrib/slurm/sweep.sbatch" "$scenario" "${options[@]}" --out "$out/array" >/dev/null \
  || fail "the job array failed"
"$drsim" merge "$out/array/$name" --quiet
for table in sweep.csv comparison.csv; do
  cmp "$out/local/$name/$table" "$out/array/$name/$table" || fail "$table of the job array differs from the local sweep"
done
say "sweep.sbatch: 3 shards merged, sweep.csv and comparison.csv identical to the local sweep"

# 2. The script `drsim sweep --emit-slurm 3` writes: array + merge job with afterok, waited for.
"$drsim" sweep "$scenario" "${options[@]}" --out "$out/emitted" --emit-slurm 3 >"$scratch/submit.sh"
timeout 600 bash "$scratch/submit.sh" --wait >/dev/null || fail "the emitted submit script failed"
for table in sweep.csv comparison.csv; do
  cmp "$out/local/$name/$table" "$out/emitted/$name/$table" || fail "$table of the emitted script differs from the local sweep"
done
say "--emit-slurm: array and merge job done, tables identical to the local sweep"
say "passed in $(( $(date +%s) - started )) s"
