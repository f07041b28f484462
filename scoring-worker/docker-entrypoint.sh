#!/bin/sh
# Points DJL at the image's CUDA libtorch (a CPU image uses the libtorch inside the jar). The worker's first log
# line says which engine, libtorch flavour and device it really uses, and --device gpu refuses to start without one.
set -e
if [ "$LIBTORCH_FLAVOR" = "cu128" ]; then
  export PYTORCH_LIBRARY_PATH=/opt/libtorch/lib PYTORCH_FLAVOR=cu128
fi
exec java -XX:MaxRAMPercentage=75 -Dai.djl.offline=true -jar /srv/ladderboard/worker.jar "$@"
