printf 'name  age\nalice 42\r\n  bob   7\ncarol' | "$EMILUA" scanner.lua
