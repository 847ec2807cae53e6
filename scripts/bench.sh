#!/usr/bin/env bash
# Runs the performance measurements of docs/performance.md and keeps their output in bench/target/results.
#
#   scripts/bench.sh [all|machine|jmh|sisimai|cli|startup] [extra JMH options]
#
#   all      (default) everything below, in this order, in one run
#   machine  CPU, core count, JDK, load
#   jmh      the JMH benchmarks (throughput, explain, JSON, components, rule scaling, hostile inputs) with
#            the gc profiler (allocation per operation) and the CPU-time profiler (cost per operation on a
#            busy machine); extra arguments go to JMH, e.g. 'ClassifyBenchmark' -p mix=CORPUS,SEEDS,COMMON
#   sisimai  smtp-verdict and Sisimai->match over the same strings, one after the other (needs Perl and
#            Sisimai, Debian package libsisimai-perl), and their ratio
#   cli      the command line over 1,000,000 lines with a 64 MB heap (VERDICT_JAVA_OPTS=-Xmx64m), with
#            --threads 1 and the default: wall time and peak memory
#   startup  wall time of one `verdict classify` (hyperfine if installed, else a timed loop)
#
# JMH settings are deliberately modest (one fork, 3 x 2 s warm-up, 5 x 2 s measurement) so that the run
# fits a small shared machine; override with JMH_OPTS="-f 3 -wi 5 -i 10".
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=bench/target/results
JAR=bench/target/benchmarks.jar
SECONDS_EACH=${SECONDS_EACH:-10}
read -r -a JMH_ARGS <<< "${JMH_OPTS:--f 1 -wi 3 -w 2s -i 5 -r 2s}"
what=${1:-all}
[ $# -gt 0 ] && shift

build() {
    if [ ! -f "$JAR" ] || [ -n "${REBUILD:-}" ]; then
        ./mvnw -q -B -pl bench -am package -DskipTests
    fi
    mkdir -p "$OUT"
}

machine() {
    {
        echo "cores: $(nproc)"
        echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
        echo "jdk: $(java -version 2>&1 | head -2 | tr "\n" " ")"
        echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
        echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    } | tee "$OUT/machine.txt"
}

jmh() {
    local selection=('ClassifyBenchmark' 'ComponentBenchmark' 'RuleScalingBenchmark' 'HostileBenchmark')
    if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
        selection=("$1")
        shift
    fi
    java -jar "$JAR" "${selection[@]}" "${JMH_ARGS[@]}" -prof gc -prof io.smtpverdict.bench.CpuTimeProfiler \
        -rf csv -rff "$OUT/jmh.csv" "$@" 2>&1 | grep -v ' INFO ' | tee "$OUT/jmh.txt"
}

sisimai() {
    java -cp "$JAR" io.smtpverdict.bench.BenchFiles mix "$OUT/mix.jsonl"
    local ours theirs
    ours=$(java -cp "$JAR" io.smtpverdict.bench.CpuRate "$SECONDS_EACH" 2>/dev/null | tail -1)
    theirs=$(perl scripts/sisimai-match.pl "$OUT/mix.jsonl" "$SECONDS_EACH")
    {
        echo "$ours"
        echo "$theirs"
        awk -v a="$ours" -v b="$theirs" 'function get(s, k,   i, n, f) {
                n = split(s, f, " "); for (i = 1; i <= n; i++) if (index(f[i], k "=") == 1) return substr(f[i], length(k) + 2)
            }
            BEGIN {
                printf "ratio per CPU second: %.0fx   per wall second: %.0fx\n",
                    get(a, "replies_per_cpu_s") / get(b, "replies_per_cpu_s"), get(a, "replies_per_s") / get(b, "replies_per_s")
            }'
    } | tee "$OUT/sisimai.txt"
}

cli() {
    if [ ! -x ./verdict ]; then
        echo "cli: no ./verdict launcher in this checkout yet; skipped" | tee "$OUT/cli.txt"
        return 0
    fi
    # The launcher builds the CLI on first use: do that before anything is timed.
    ./verdict classify '550 5.1.1 user unknown' > /dev/null
    java -cp "$JAR" io.smtpverdict.bench.BenchFiles lines "$OUT/big.txt" 1000000
    : > "$OUT/cli.txt"
    # One classifier thread, then the default (every processor): same output, different wall time.
    for threads in 1 default; do
        local opts=()
        [ "$threads" = default ] || opts=(--threads "$threads")
        VERDICT_JAVA_OPTS=-Xmx64m /usr/bin/time -v ./verdict classify --format jsonl ${opts[@]+"${opts[@]}"} \
            --input "$OUT/big.txt" > "$OUT/big.jsonl" 2> "$OUT/cli-time.txt"
        {
            echo "threads: $threads  load: $(cut -d' ' -f1-3 /proc/loadavg)"
            echo "lines in: $(wc -l < "$OUT/big.txt")  lines out: $(wc -l < "$OUT/big.jsonl")"
            grep -E 'Elapsed \(wall|Maximum resident|User time|System time|Exit status' "$OUT/cli-time.txt"
        } | tee -a "$OUT/cli.txt"
    done
    rm -f "$OUT/big.jsonl"
}

startup() {
    if [ ! -x ./verdict ]; then
        echo "startup: no ./verdict launcher in this checkout yet; skipped" | tee "$OUT/startup.txt"
        return 0
    fi
    ./verdict classify '550 5.1.1 user unknown' > /dev/null
    if command -v hyperfine > /dev/null; then
        hyperfine --warmup 3 --runs 20 --export-markdown "$OUT/startup.md" \
            "./verdict classify '550 5.1.1 user unknown'" | tee "$OUT/startup.txt"
    else
        local i start end total=0 best=999999
        for i in $(seq 20); do
            start=$(date +%s%N)
            ./verdict classify '550 5.1.1 user unknown' > /dev/null
            end=$(date +%s%N)
            total=$((total + (end - start) / 1000000))
            best=$(( (end - start) / 1000000 < best ? (end - start) / 1000000 : best ))
        done
        echo "startup: mean $((total / 20)) ms, best $best ms over 20 runs" | tee "$OUT/startup.txt"
    fi
}

build
case "$what" in
    all) machine; jmh "$@"; sisimai; cli; startup; machine ;;
    machine) machine ;;
    jmh) machine; jmh "$@" ;;
    sisimai) machine; sisimai ;;
    cli) machine; cli ;;
    startup) machine; startup ;;
    *) sed -n '2,20p' "$0"; exit 2 ;;
esac
