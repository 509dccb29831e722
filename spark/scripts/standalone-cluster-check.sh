#!/usr/bin/env bash
# Checks the README's spark-submit recipe against a real Spark standalone cluster on this machine: a master and a
# worker (its executors are separate JVMs), all from Spark's own jars as Maven fetched them, with no jsbi jar on
# their class path. Runs a sir-city campaign through SparkSubmit, compares the CSV with a local run, and stops the
# cluster. Needs the build (mvn -q -DskipTests package) and free ports 7077, 18080 and 18081.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
home="$work/spark-home"
opens=$(sed -n 's:.*<spark.java17.options>\(.*\)</spark.java17.options>.*:\1:p' "$repo/pom.xml")
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# A Spark "distribution": spark-core of the version jsbi pins and its runtime dependencies, nothing of jsbi's.
version=$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$repo/pom.xml")
mkdir -p "$work/dist"
cat > "$work/dist/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>spark-distribution</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.apache.spark</groupId><artifactId>spark-core_2.13</artifactId>
    <version>$version</version></dependency></dependencies>
</project>
POM
mvn -B -ntp -q -f "$work/dist/pom.xml" dependency:copy-dependencies -DoutputDirectory="$home/jars"
touch "$home/RELEASE"
export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13
java $opens -cp "$home/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 \
    --webui-port 18080 > "$work/master.log" 2>&1 & pids+=($!)
sleep 5
java $opens -cp "$home/jars/*" org.apache.spark.deploy.worker.Worker spark://127.0.0.1:7077 --host 127.0.0.1 \
    --cores 2 --memory 2g --webui-port 18081 --work-dir "$work/worker" > "$work/worker.log" 2>&1 & pids+=($!)
sleep 5

mkdir -p "$work/plugins" && cp "$repo"/examples/target/jsbi-examples-*.jar "$work/plugins/"
cd "$work"
# The README's recipe: jsbi's jars for the executors, Spark's from the cluster.
JARS=$(ls "$repo"/cli/target/lib/jsbi-*.jar "$repo"/cli/target/lib/guice-*.jar "$repo"/cli/target/lib/aopalliance-1*.jar \
    | paste -sd, -)
java $opens -cp "$home/jars/*" org.apache.spark.deploy.SparkSubmit --master spark://127.0.0.1:7077 \
    --deploy-mode client --class org.jsbi.cli.Jsbi --jars "$JARS" "$repo/cli/target/jsbi.jar" \
    simulate --executor spark --plugins plugins --model sir-city --num-simulations 2000 --seed 7 --chunk-size 100 \
    --store campaign --output cluster.csv 2> submit.log
"$repo/jsbi" simulate --plugins plugins --model sir-city --num-simulations 2000 --seed 7 --output local.csv
cmp cluster.csv local.csv
echo "standalone cluster: the spark-submit campaign is byte-identical to the local one"
