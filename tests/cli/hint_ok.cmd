"$EMILUA" --main-context-concurrency-hint 1 fix/hello.lua
"$EMILUA" --main-context-concurrency-hint safe fix/hello.lua
"$EMILUA" --test --main-context-concurrency-hint 1 fix/context.lua
