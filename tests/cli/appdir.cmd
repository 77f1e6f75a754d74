# APPDIR runs APPDIR/init.lua as the root module, with or without the
# trailing slash.
"$EMILUA" fix/app
"$EMILUA" fix/app/
