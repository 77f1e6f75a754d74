#!/bin/sh
# The builtin modules, as src/modules/registry.c lists them.
sed -n 's/^ *{"\([a-z_]*\)", .*/\1/p' "$(dirname "$0")/../../src/modules/registry.c"
