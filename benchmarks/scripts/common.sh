# Shared helpers of the benchmark scripts (sourced, not run).

# The 1-minute load average.
load1() {
  cut -d' ' -f1 /proc/loadavg
}

# Waits, in 60 s steps, until the 1-minute load average is at most $MAX_LOAD (default 2), for at
# most $MAX_WAIT_STEPS steps (default 25); then goes on either way and says so. Prints the load.
wait_for_load() {
  local max="${MAX_LOAD:-2}" steps="${MAX_WAIT_STEPS:-25}" i=0
  while awk -v l="$(load1)" -v m="$max" 'BEGIN { exit !(l > m) }'; do
    if (( i >= steps )); then
      echo "load $(load1) still above $max after $steps minutes; measuring anyway" >&2
      break
    fi
    echo "load $(load1) > $max; waiting 60 s ($((i + 1))/$steps)" >&2
    sleep 60
    i=$((i + 1))
  done
  load1
}

# Nearest-rank percentile of the numbers on stdin: percentile 50 < numbers
percentile() {
  sort -g | awk -v q="$1" '{ v[NR] = $1 } END {
    if (NR == 0) { print "nan"; exit }
    r = int(q / 100 * NR); if (r < q / 100 * NR) r++; if (r < 1) r = 1; print v[r] }'
}

# Milliseconds since the epoch.
now_ms() {
  echo $(( $(date +%s%N) / 1000000 ))
}

# Waits until process $1 uses less than 5 % of a core over 5 s (its start-up background work, such
# as computing passage embeddings, is done), at most $MAX_IDLE_WAIT seconds (default 1800); prints
# the seconds waited.
wait_for_idle() {
  local pid="$1" waited=0 before after tick
  tick=$(getconf CLK_TCK)
  while (( waited < ${MAX_IDLE_WAIT:-1800} )); do
    before=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
    sleep 5
    waited=$((waited + 5))
    after=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
    if (( (after - before) * 100 < 5 * 5 * tick )); then
      break
    fi
  done
  echo "$waited"
}
