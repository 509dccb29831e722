#!/bin/sh
# Side-by-side run of jsbi and sbi 0.22 on the same simulations: two moons, 10⁴ simulations (seed 1), NPE (nsf) and
# NLE (maf) at each tool's defaults, 10,000 draws for sbibm's observation 1, both scored by one C2ST (jsbi's, which
# follows sbibm's) against sbibm's reference samples. Prints one CSV line per tool and method.
#
# Usage: benchmarks/peer/run.sh SITE REFERENCE_DIR OUT
#   SITE           the Python sources of sbi and its dependencies (see benchmarks/peer/README.md)
#   REFERENCE_DIR  sbibm's reference files (../shared/sbibm)
#   OUT            a directory for the simulations, posteriors and samples
# Needs: mvn -B -ntp -q -DskipTests install (for ./jsbi and benchmarks/target/benchmarks.jar), and python3 with
# Debian's python3-torch (1.13), python3-numpy, python3-scipy, python3-sklearn, python3-tqdm, python3-joblib.
set -eu
repo=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
site=$1
ref=$2
out=$3
python=${PYTHON:-/usr/bin/python3}
mkdir -p "$out"
obs="$ref/two_moons/num_observation_1/observation.csv"
reference="$ref/two_moons/num_observation_1/reference_posterior_samples.csv"
score() {
  java -cp "$repo/benchmarks/target/benchmarks.jar" org.jsbi.benchmarks.ScoreSamples "$1" "$reference" 1 2>/dev/null
}
seconds() { # wall and CPU (user + system) seconds from a /usr/bin/time -f "%e %U %S" file
  awk '{printf "%.1f,%.1f", $1, $2 + $3}' "$1"
}
"$repo/jsbi" simulate --model two-moons --num-simulations 10000 --seed 1 --output "$out/sims.csv" -q
echo "tool,method,train_wall_s,train_cpu_s,epochs,sample_wall_s,sample_cpu_s,c2st"
for method in npe nle; do
  /usr/bin/time -f "%e %U %S" -o "$out/jsbi-$method-train.time" "$repo/jsbi" train --model two-moons \
      --method "$method" --simulations "$out/sims.csv" --seed 1 --force -q --output "$out/jsbi-$method" \
      > "$out/jsbi-$method-train.log"
  epochs=$(sed -n 's/.*: \([0-9]*\) epochs.*/\1/p' "$out/jsbi-$method-train.log")
  /usr/bin/time -f "%e %U %S" -o "$out/jsbi-$method-sample.time" "$repo/jsbi" sample --posterior \
      "$out/jsbi-$method" --observation "$obs" --num-samples 10000 --seed 2 -q \
      --output "$out/jsbi-$method-samples.csv" > /dev/null
  echo "jsbi (whole commands),$method,$(seconds "$out/jsbi-$method-train.time"),$epochs,$(seconds \
"$out/jsbi-$method-sample.time"),$(score "$out/jsbi-$method-samples.csv")"
  line=$(PYTHONPATH="$site:$repo/benchmarks/peer" "$python" "$repo/benchmarks/peer/sbi_side.py" --method "$method" \
      --simulations "$out/sims.csv" --observation "$obs" --samples "$out/sbi-$method-samples.csv" 2>/dev/null \
      | tail -n 1)
  echo "$line,$(score "$out/sbi-$method-samples.csv")"
done
