#!/usr/bin/env bash
# Gathers the CUDA libraries that the -Pgpu build's TensorFlow (2.16.2) opens, on a machine that has CUDA 13
# rather than the CUDA 12.3 and cuDNN 8.9 that this TensorFlow was built for. That is how the GPU figures in
# docs/benchmark-history.md were taken on a lent H100. With CUDA 12.3 and cuDNN 8.9 installed, none of this is needed.
#
# TensorFlow registers the GPU only if it can open all seven of cudart 12, cuBLAS 12, cuBLASLt 12, cuFFT 11,
# cuSOLVER 11, cuSPARSE 12 and cuDNN 8. This directory gets:
#   - CUDA 12.3's runtime and cuDNN 8.9's loader, from the org.bytedeco:cuda redist jar on Maven Central;
#   - CUDA 13's cuBLAS, cuBLASLt and cuSPARSE under the CUDA 12 names;
#   - empty stand-ins for cuFFT and cuSOLVER, which jsbi's graphs never call (an op that did would fail).
#
# Usage: cuda12-libs.sh REDIST_JAR CUDA13_LIB_DIR OUT_DIR
#   REDIST_JAR      cuda-12.3-8.9-1.5.10-linux-x86_64-redist.jar
#   CUDA13_LIB_DIR  e.g. /usr/local/cuda-13.0/targets/x86_64-linux/lib
# Then: LD_LIBRARY_PATH=OUT_DIR:CUDA13_LIB_DIR ./jsbi train ...   (built with mvn -Pgpu -DskipTests package)
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 REDIST_JAR CUDA13_LIB_DIR OUT_DIR" >&2
  exit 2
fi
jar=$1 cuda13=$2 out=$3
mkdir -p "$out"
unzip -q -o -j "$jar" org/bytedeco/cuda/linux-x86_64/libcudart.so.12 org/bytedeco/cuda/linux-x86_64/libcudnn.so.8 \
  -d "$out"
ln -sf "$cuda13/libcublas.so.13" "$out/libcublas.so.12"
ln -sf "$cuda13/libcublasLt.so.13" "$out/libcublasLt.so.12"
ln -sf "$cuda13/libcusparse.so.12" "$out/libcusparse.so.12"
stub=$(mktemp --suffix=.c)
echo 'int jsbi_stand_in(void) { return 0; }' > "$stub"
for lib in libcufft.so.11 libcusolver.so.11; do
  gcc -shared -fPIC -Wl,-soname,"$lib" -o "$out/$lib" "$stub"
done
rm -f "$stub"
ls -l "$out"
