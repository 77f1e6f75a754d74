# A script with a '#!/usr/bin/env emilua' line runs directly.
chmod +x fix/shebang.lua
PATH=$(dirname "$EMILUA"):$PATH ./fix/shebang.lua
