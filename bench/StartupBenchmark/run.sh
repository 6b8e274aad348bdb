#!/usr/bin/env bash
# Start-up benchmark: time to first call of the SDK against a hand-written HttpClient + source-generated JSON program,
# each run RUNS times as a fresh `dotnet app.dll` process (interleaved), against a running reference server.
# Prints median wall time, CPU time (user+sys) and peak RSS from /usr/bin/time -v, and the SDK/hand-written ratios.
#
#   bash bench/StartupBenchmark/run.sh                # builds Release, then measures
#   NO_BUILD=1 bash bench/StartupBenchmark/run.sh     # measures what is built
#   RUNS=20 PORT=5093 bash bench/StartupBenchmark/run.sh
#   VARIANT=aot bash bench/StartupBenchmark/run.sh    # NativeAOT executables (VARIANT=r2r: ReadyToRun)
#
# On a shared machine hold the build lock for the whole run: flock /tmp/bc-dotnet.lock bash bench/StartupBenchmark/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${RUNS:-20}"
PORT="${PORT:-5093}"
KEY="sk_test_startup_benchmark_0123456789"
OUT="${OUT:-artifacts/startup}"
mkdir -p "$OUT"

if [ ! -x /usr/bin/time ]; then apt-get install -y time >/dev/null; fi

if [ "${NO_BUILD:-0}" != "1" ]; then
  dotnet build -c Release bench/StartupBenchmark/Sdk/StartupSdk.csproj -o "$OUT/sdk" -v q -nologo
  dotnet build -c Release bench/StartupBenchmark/HandWritten/StartupHandWritten.csproj -o "$OUT/hand" -v q -nologo
  dotnet build -c Release -f net10.0 src/Botcadence.ReferenceServer -v q -nologo
fi

# VARIANT=jit (default: `dotnet app.dll` from a Release build), r2r (`dotnet app.dll` published with ReadyToRun) or
# aot (the NativeAOT executable); r2r and aot publish both programs first (needs clang for aot).
VARIANT="${VARIANT:-jit}"
SDK_RUN=(dotnet "$OUT/sdk/StartupSdk.dll"); HAND_RUN=(dotnet "$OUT/hand/StartupHandWritten.dll")
if [ "$VARIANT" != "jit" ]; then
  PUB="$OUT/$VARIANT"
  if [ "$VARIANT" = "aot" ]; then PROPS="-p:PublishAot=true"; else PROPS="-p:PublishReadyToRun=true --self-contained false"; fi
  if [ "${NO_BUILD:-0}" != "1" ]; then
    dotnet publish -c Release -r linux-x64 $PROPS bench/StartupBenchmark/Sdk/StartupSdk.csproj -o "$PUB/sdk" -v q -nologo
    dotnet publish -c Release -r linux-x64 $PROPS bench/StartupBenchmark/HandWritten/StartupHandWritten.csproj -o "$PUB/hand" -v q -nologo
  fi
  if [ "$VARIANT" = "aot" ]; then SDK_RUN=("$PUB/sdk/StartupSdk"); HAND_RUN=("$PUB/hand/StartupHandWritten")
  else SDK_RUN=(dotnet "$PUB/sdk/StartupSdk.dll"); HAND_RUN=(dotnet "$PUB/hand/StartupHandWritten.dll"); fi
fi

SERVER_DLL="src/Botcadence.ReferenceServer/bin/Release/net10.0/Botcadence.ReferenceServer.dll"
BOTCADENCE_REFERENCE_KEY="$KEY" dotnet "$SERVER_DLL" --urls "http://127.0.0.1:$PORT" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT/v1/"
for _ in $(seq 1 100); do
  curl -fs -o /dev/null -H "Authorization: Bearer $KEY" "${BASE}workflows?per_page=1" && break
  sleep 0.1
done
WF=$(curl -fs -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -H "Idempotency-Key: startup-bench-$$" \
  -d '{"name":"Startup benchmark","description":"A workflow with a trigger and two actions","trigger":{"type":"webhook","event":"user.created"},"actions":[{"type":"send_email","config":{"to":"{{user.email}}","subject":"Welcome!"}},{"type":"log"}]}' \
  "${BASE}workflows" | grep -o '"id":"wf_[^"]*"' | head -1 | cut -d'"' -f4)
echo "server pid $SERVER_PID, workflow $WF"

# One warm-up run of each (disk cache), not counted.
"${SDK_RUN[@]}" "$BASE" "$KEY" "$WF" >/dev/null
"${HAND_RUN[@]}" "$BASE" "$KEY" "$WF" >/dev/null

measure() { # name -> appends "wall_ms cpu_ms rss_kib" to $OUT/<name>.txt
  local name=$1
  local -a cmd
  if [ "$name" = sdk ]; then cmd=("${SDK_RUN[@]}"); else cmd=("${HAND_RUN[@]}"); fi
  # Wall time from date (ns; /usr/bin/time's own elapsed figure has 10 ms resolution); CPU time (10 ms resolution) and
  # peak RSS from /usr/bin/time -v.
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -v -o "$OUT/time.txt" "${cmd[@]}" "$BASE" "$KEY" "$WF" >/dev/null
  t1=$(date +%s%N)
  awk -v out="$OUT/$name.txt" -v wall="$(( (t1 - t0) / 1000 ))" '
    /User time/ {u=$NF} /System time/ {s=$NF} /Maximum resident set size/ {r=$NF}
    END {printf "%.1f %.0f %d\n", wall/1000, (u+s)*1000, r >> out}' "$OUT/time.txt"
}
: >"$OUT/sdk.txt"; : >"$OUT/hand.txt"
for i in $(seq 1 "$RUNS"); do
  if (( i % 2 )); then measure sdk; measure hand; else measure hand; measure sdk; fi
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2)? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
col() { awk -v c="$2" '{print $c}' "$OUT/$1.txt" | median; }
SW=$(col sdk 1); SC=$(col sdk 2); SR=$(col sdk 3); HW=$(col hand 1); HC=$(col hand 2); HR=$(col hand 3)
echo
echo "Fresh processes ($VARIANT), $RUNS runs each (interleaved), medians:"
printf '| %-28s | %10s | %14s | %14s |\n' "Program" "Wall (ms)" "CPU u+s (ms)" "Peak RSS (MiB)"
printf '|%s|%s|%s|%s|\n' "------------------------------" "-----------:" "---------------:" "---------------:"
printf '| %-28s | %10s | %14s | %14.1f |\n' "Hand-written (HttpClient+STJ)" "$HW" "$HC" "$(echo "$HR/1024" | bc -l)"
printf '| %-28s | %10s | %14s | %14.1f |\n' "SDK (BotCadenceClient)" "$SW" "$SC" "$(echo "$SR/1024" | bc -l)"
CPU_RATIO=$( [ "$HC" = 0 ] && echo 0 || echo "$SC/$HC" | bc -l )
printf '| %-28s | %10.2fx | %13.2fx | %+13.1f |\n' "SDK / hand-written" "$(echo "$SW/$HW" | bc -l)" "$CPU_RATIO" "$(echo "($SR-$HR)/1024" | bc -l)"
if [ "${PROBE:-0}" = "1" ]; then
  for _ in 1 2 3; do STARTUP_PROBE=1 "${SDK_RUN[@]}" "$BASE" "$KEY" "$WF" | tail -1; STARTUP_PROBE=1 "${HAND_RUN[@]}" "$BASE" "$KEY" "$WF" | tail -1; done
fi
