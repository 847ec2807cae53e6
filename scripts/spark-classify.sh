#!/usr/bin/env bash
# Runs the Spark job io.smtpverdict.spark.ClassifyJob in local mode on this machine, with nothing but a JDK 17
# or newer: the Maven Wrapper builds the job jar (first use, or when a source is newer) and resolves Spark's own
# jars from Maven Central into a class path file; then one JVM runs the job as spark-submit would.
#
#   scripts/spark-classify.sh --master 'local[2]' --input FILE --input-format text --output DIR
#
# Every argument goes to the job (see --help); without --master it runs on 'local[*]'. Extra JVM options:
# SPARK_CLASSIFY_JAVA_OPTS (e.g. -Xmx4g). Spark logs warnings only; SPARK_CLASSIFY_LOG=info for more.
# On a cluster use spark-submit with spark/target/smtp-verdict-spark-job.jar instead (docs/spark.md).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/spark/target/smtp-verdict-spark-job.jar"
classpath="$root/spark/target/spark-classpath.txt"

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java="$JAVA_HOME/bin/java"
else
    java="java"
fi

stale() {
    [ ! -f "$jar" ] || [ ! -f "$classpath" ] && return 0
    local newer
    # Main sources, resources (rule tables, service files) and poms; tests do not change the jar.
    newer="$(find "$root" \( -name target -o -name .git -o -name .mvn -o -name node_modules \) -prune -o -type f \
        \( -path '*/src/main/*' -o -name pom.xml \) -newer "$jar" -print -quit)"
    [ -n "$newer" ]
}

if stale; then
    if [ -n "${SPARK_CLASSIFY_NO_BUILD:-}" ]; then
        echo "spark-classify: $jar or $classpath is missing or older than the sources; build it with" \
            "./mvnw -B -pl spark -am package" >&2
        exit 1
    fi
    echo "spark-classify: building the job jar and resolving Spark's jars (first run, or sources changed) ..." >&2
    if ! (cd "$root" && ./mvnw -q -B -DskipTests -Dfuzz.skip=true -pl spark -am package) >&2; then
        echo "spark-classify: the build failed; run ./mvnw -B -pl spark -am package to see why" >&2
        exit 1
    fi
fi

args=("$@")
master=no
for a in "$@"; do
    case "$a" in --master|--master=*) master=yes ;; esac
done
[ "$master" = no ] && args=(--master 'local[*]' "${args[@]}")

# Spark's own default logs every stage at INFO; a job run from a shell only needs warnings and errors.
log4j="$root/spark/target/spark-classify-log4j2.properties"
cat > "$log4j" <<LOG
rootLogger.level = ${SPARK_CLASSIFY_LOG:-warn}
rootLogger.appenderRef.stderr.ref = stderr
appender.console.type = Console
appender.console.name = stderr
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
LOG

# What Spark needs from the JDK on Java 17 and later (spark-submit's launcher adds the same options).
jvm=(
    -XX:+IgnoreUnrecognizedVMOptions
    --add-opens=java.base/java.lang=ALL-UNNAMED
    --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/java.net=ALL-UNNAMED
    --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.util=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
    --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
    --add-opens=java.base/sun.security.action=ALL-UNNAMED
    --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
    -Djdk.reflect.useDirectMethodHandle=false
    -Dio.netty.tryReflectionSetAccessible=true
    -Dspark.ui.enabled=false
    -Dlog4j2.configurationFile="$log4j"
)

# shellcheck disable=SC2086
exec "$java" "${jvm[@]}" ${SPARK_CLASSIFY_JAVA_OPTS:-} -cp "$jar:$(cat "$classpath")" \
    io.smtpverdict.spark.ClassifyJob "${args[@]}"
