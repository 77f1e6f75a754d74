# temp_directory_path: the first non-empty of TMPDIR, TMP, TEMP, TEMPDIR,
# else /tmp; the directory must exist and be a directory.
run() { env -u TMPDIR -u TMP -u TEMP -u TEMPDIR "$@" "$EMILUA" tempdir_fix/show.lua; }
run
run TMPDIR=/
run TMPDIR= TMP=/dev
run TEMP=/proc TEMPDIR=/sys
run TEMPDIR=/sys
run TMPDIR=/dev/null
run TMPDIR=/nonexistent-emilua
