"$EMILUA" lowfd_none.lua 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-
