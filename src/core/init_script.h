/* The init.script of a subprocess actor (init_script.c). */
#ifndef EMILUA_INIT_SCRIPT_H
#define EMILUA_INIT_SCRIPT_H

#include <stddef.h>

/* Runs the script in a VM of its own; arg: init.arg's fd or -1.  0, or -1
 * when the script failed (its error is on stderr). */
int init_script_run(const char *src, size_t len, int arg);

#endif
