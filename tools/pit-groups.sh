#!/bin/bash
# Mutation testing of engine and io in groups of classes, each against the tests that cover it
# (docs/TESTING.md, "Mutation testing"). Each run's report is kept in target/pit-groups/NAME;
# tools/pit-union.py target/pit-groups/*/mutations.csv adds up the kills of all runs.
# Usage: tools/pit-groups.sh [NAME ...]   (default: every group; about 2 h on 2 cores)
set -u
cd "$(dirname "$0")/.."
E=org.rnnlab.engine
IO=org.rnnlab.io
KERNELS="$E.MatOps*,$E.ScalarKernels*,$E.SimdKernels*,$E.SimdPointwise*,$E.PackedPanels*,$E.NarrowTiles*,$E.Simd,$E.Simd\$*,$E.Workers*"
CELLS="$E.RecurrentCell*,$E.RnnCell*,$E.LstmCell*,$E.GruCell*,$E.Unroll*"
MODELS="$E.SequenceModel*,$E.DeepSequenceModel*,$E.EncoderDecoderModel*,$E.DeepRecurrent*,$E.layers.*"
NONE=org.rnnlab.NoSuchClass
NO_TESTS=org.rnnlab.NoSuchTest

run() { # NAME TARGET_CLASSES EXCLUDED_CLASSES TARGET_TESTS SKIPPED_TESTS
    mkdir -p target/pit-groups
    local start=$SECONDS
    mvn -B -o -P pitest test-compile org.pitest:pitest-maven:mutationCoverage -DtargetClasses="$2" \
        -DexcludedClasses="$3" -DtargetTests="$4" -Dpit.skipTests="$5" > "target/pit-groups/$1.log" 2>&1
    local rc=$?
    rm -rf "target/pit-groups/$1" && cp -r target/pit-reports "target/pit-groups/$1"
    echo "$1: exit $rc, $((SECONDS - start)) s"
}

groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(kernels cells models engine-rest io io-export io-keras io-gif)
for g in "${groups[@]}"; do
    case $g in
        kernels) run kernels "$KERNELS" "$NONE" "$E.*" "$NO_TESTS" ;;
        cells) run cells "$CELLS" "$NONE" "$E.*" "$NO_TESTS" ;;
        models) run models "$MODELS" "$NONE" "org.rnnlab.*" "$IO.export.*" ;;
        engine-rest) run engine-rest "$E.*" "$KERNELS,$CELLS,$MODELS" "$E.*" "$NO_TESTS" ;;
        io) run io "$IO.*" "$NONE" "$IO.*,org.rnnlab.cli.*" "$NO_TESTS" ;;
        io-export) run io-export "$IO.export.*" "$NONE" "$IO.export.ExportTextTest" "$NO_TESTS" ;;
        io-keras) run io-keras "$IO.keras.*,$IO.CellNames*" "$NONE" "$IO.keras.*,$IO.CellNames*" "$NO_TESTS" ;;
        io-gif) run io-gif "$IO.Gif*" "$NONE" "$IO.Gif*" "$NO_TESTS" ;;
        *) echo "unknown group $g" >&2; exit 2 ;;
    esac
done
