-- required from the prompt (tests/cli/repl.cmd) relative to its directory
text = "hello from greeting.lua"
